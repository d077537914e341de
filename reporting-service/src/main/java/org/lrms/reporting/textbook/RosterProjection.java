package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.RosterClassUpserted;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;
import org.lrms.reporting.site.SiteDirectory;

import java.util.List;
import java.util.Locale;

/**
 * Classes and enrollments from circulation.roster.v1, for the students enrolled in each course at each site: a
 * class's site, course and status; an enrollment's class, role, status and dates, and a pseudonym of its student
 * ({@link StudentKeys}): no patron id, no SIS user id. The batch's rows and the counts per site and course they
 * change are written together when the batch ends ({@link CourseEnrolments}).
 */
@ApplicationScoped
public class RosterProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    StudentKeys students;

    @Override
    public String topic() {
        return Topics.CIRCULATION_ROSTER;
    }

    @Override
    public List<String> tables() {
        return List.of("roster_class", "roster_enrollment", "roster_course");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "RosterClassUpserted" -> rosterClass(event, EventJson.payload(event, RosterClassUpserted.class));
            case "RosterEnrollmentUpserted" ->
                    enrollment(event, EventJson.payload(event, RosterEnrollmentUpserted.class));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void rosterClass(EventEnvelope event, RosterClassUpserted c) {
        String site = site(event, c.siteCode());
        sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        counts().add(new CourseEnrolments.ClassRow(required(c.sourcedId(), event, "sourcedId"), site,
                blankToNull(c.courseCode()), blankToNull(c.courseTitle()), status(c.status())));
    }

    private void enrollment(EventEnvelope event, RosterEnrollmentUpserted e) {
        String sourcedId = required(e.sourcedId(), event, "sourcedId");
        String role = required(e.role(), event, "role").toLowerCase(Locale.ROOT);
        String student = null;
        if ("student".equals(role)) {
            student = students.of(Projection.require(e.patronId(), event, "patronId"), sourcedId);
        }
        counts().add(new CourseEnrolments.EnrollmentRow(sourcedId, required(e.classSourcedId(), event,
                "classSourcedId"), student, role, status(e.status()), e.beginDate(), e.endDate()));
    }

    private CourseEnrolments counts() {
        return sql.deferred(CourseEnrolments.class, CourseEnrolments::new);
    }

    static String site(EventEnvelope event, String payloadSite) {
        String site = Projection.require(payloadSite != null ? payloadSite : event.siteCode(), event, "siteCode")
                .strip().toUpperCase(Locale.ROOT);
        if (!SiteDirectory.isSiteCode(site)) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has site code " + site);
        }
        return site;
    }

    static String required(String value, EventEnvelope event, String what) {
        return Projection.require(blankToNull(value), event, what);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** OneRoster's status, lower case; none is active (as circulation reads the roster). */
    private static String status(String value) {
        String status = blankToNull(value);
        return status == null ? "active" : status.toLowerCase(Locale.ROOT);
    }
}
