package org.lrms.bench.roster;

import org.lrms.bench.generate.DistrictGenerator;
import org.lrms.bench.generate.Scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A OneRoster 1.1 CSV export of a generated district, as a student information system sends it: the district and
 * the scale's schools (the same codes and names the district generator loads, so they upsert unchanged), the users
 * (students with grades and guardians' schools, one teacher in 30), one homeroom class per teacher and one
 * enrollment per user (the teacher's as the homeroom's primary teacher, the students' in their teacher's homeroom). Deterministic by seed. The manifest marks the files as a delta, so an import never deactivates the
 * patrons the district generator loaded (those have no sourcedId and are never rostered anyway).
 * <p>
 * Users' identifiers (the patrons' barcodes) start with {@code R}, apart from the generator's {@code P...} patrons.
 */
public final class OneRosterZip {

    private static final String[] GIVEN = {"Ana", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Iris",
            "Jamal", "Kai", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma",
            "Victor", "Wen", "Ximena", "Yusuf", "Zoe"};
    private static final String[] FAMILY = {"Garcia", "Nguyen", "Smith", "Hernandez", "Kim", "Lopez", "Patel",
            "Johnson", "Martinez", "Chen", "Brown", "Davis", "Rodriguez", "Wilson", "Singh", "Tran", "Lee", "Flores"};

    private static final long EXPORTED_AT = java.time.Instant.parse("2026-08-01T00:00:00Z").toEpochMilli();

    private final Scale scale;
    private final int users;
    private final long seed;

    public OneRosterZip(Scale scale, int users, long seed) {
        if (users < 1) {
            throw new IllegalArgumentException("a roster needs at least one user");
        }
        this.scale = scale;
        this.users = users;
        this.seed = seed;
    }

    /** Writes the zip to {@code file}; answers its size in bytes. */
    public long write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
        return Files.size(file);
    }

    public void write(OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
            entry(zip, "manifest.csv", w -> {
                w.write("propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n");
                for (String f : new String[]{"orgs", "users", "classes", "enrollments"}) {
                    w.write("file." + f + ",delta\n");
                }
            });
            entry(zip, "orgs.csv", w -> {
                w.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n");
                w.write("bench-district,active,2026-08-01T00:00:00Z,Generated Unified School District,district,"
                        + "DISTRICT,\n");
                for (int i = 0; i < scale.sites(); i++) {
                    w.write(org(i) + ",active,2026-08-01T00:00:00Z," + DistrictGenerator.siteName(i) + ",school,"
                            + DistrictGenerator.siteCode(i) + ",bench-district\n");
                }
            });
            entry(zip, "users.csv", w -> {
                w.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,"
                        + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
                        + "password\n");
                for (int n = 0; n < users; n++) {
                    w.write(user(n));
                }
            });
            entry(zip, "classes.csv", w -> {
                w.write("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                        + "location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n");
                for (int n = 0; n < users; n++) {
                    if (teacher(n)) {
                        w.write("bench-c-" + n + ",active,2026-08-01T00:00:00Z,Homeroom " + n + ",,,HR-" + n
                                + ",homeroom,Room " + (n % 300) + "," + org(site(n)) + ",,,,\n");
                    }
                }
            });
            entry(zip, "enrollments.csv", w -> {
                w.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                        + "primary,beginDate,endDate\n");
                for (int n = 0; n < users; n++) {
                    if (teacher(n)) { // the teacher leads the homeroom: circulation names them on its notices
                        w.write("bench-e-" + n + ",active,2026-08-01T00:00:00Z,bench-c-" + n + "," + org(site(n))
                                + ",bench-u-" + n + ",teacher,true,2026-08-12,2027-06-10\n");
                    } else {
                        int t = homeroomTeacher(n);
                        w.write("bench-e-" + n + ",active,2026-08-01T00:00:00Z,bench-c-" + t + "," + org(site(n))
                                + ",bench-u-" + n + ",student,false,2026-08-12,2027-06-10\n");
                    }
                }
            });
        }
    }

    /** User {@code n}'s row: a teacher every 30 users, otherwise a student of grade K-12. */
    String user(int n) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        boolean teacher = teacher(n);
        String grade = teacher ? "" : grade(random.nextInt(13));
        String identifier = String.format(Locale.ROOT, "R%07d", n + 1);
        return "bench-u-" + n + ",active,2026-08-01T00:00:00Z,true," + org(site(n)) + ","
                + (teacher ? "teacher" : "student") + "," + identifier.toLowerCase(Locale.ROOT) + ",{district:"
                + identifier + "}," + given + "," + family + ",," + identifier + ","
                + identifier.toLowerCase(Locale.ROOT) + "@bench.example.org,,,," + grade + ",\n";
    }

    static boolean teacher(int n) {
        return n % 30 == 0;
    }

    /** Users are spread evenly over the schools; a student's homeroom teacher is the teacher of its block of 30. */
    int site(int n) {
        return (n / 30) % scale.sites();
    }

    static int homeroomTeacher(int n) {
        return n - n % 30;
    }

    private static String grade(int g) {
        return g == 0 ? "KG" : String.format(Locale.ROOT, "%02d", g);
    }

    private static String org(int site) {
        return "bench-s-" + (site + 1);
    }

    private interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, Body body) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(EXPORTED_AT);   // the same seed gives the same bytes
        zip.putNextEntry(entry);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        body.write(writer);
        writer.flush();
        zip.closeEntry();
    }
}
