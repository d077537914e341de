package org.lrms.kit.security;

/** The realm roles of the district's sign-on. */
public final class Roles {
    /** District library support staff: every site. */
    public static final String DISTRICT_ADMIN = "district-admin";
    /** School-site technician: writes only at the sites of the token's {@code sites} claim. */
    public static final String SITE_STAFF = "site-staff";
    public static final String TEACHER = "teacher";
    public static final String STUDENT = "student";
    /** Service accounts of other district systems (SIS, finance). */
    public static final String INTEGRATION = "integration";

    /** The code of the district itself, used where data belongs to no single school. */
    public static final String DISTRICT_SITE = "DISTRICT";

    private Roles() {
    }
}
