package org.lrms.circulation.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RosterImportTest {

    private static final String MANIFEST = "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n"
            + "file.orgs,bulk\nfile.users,bulk\nfile.classes,bulk\nfile.enrollments,bulk\n";
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,"
            + "username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
            + "password\n";

    @Inject
    AgroalDataSource db;

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("export/" + f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(Path folder) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> csvs = Files.list(folder)) {
            for (Path p : csvs.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return zip(files);
    }

    static JsonPath importAndWait(byte[] zip) {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip").body(zip)
                .when().post("/api/v1/imports/oneroster")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(given().auth()
                .oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/" + id).path("status")));
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> roster(String school, String code, String student, String students) {
        return Map.of(
                "manifest.csv", MANIFEST,
                "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                        + school + ",active,2026-08-01T00:00:00Z,Test Middle School,school," + code + ",\n",
                "users.csv", USERS_HEADER + students,
                "classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                        + "location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
                        + "cls-" + code + ",active,2026-08-01T00:00:00Z,Math 7,07,,M7,scheduled,Room 3," + school
                        + ",,Mathematics,MTH,1\n",
                "enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,"
                        + "role,primary,beginDate,endDate\n"
                        + "enr-" + code + ",active,2026-08-01T00:00:00Z,cls-" + code + "," + school + "," + student
                        + ",student,false,2026-08-12,2027-06-10\n");
    }

    private static String user(String sourcedId, String school, String barcode, String grade) {
        return sourcedId + ",active,2026-08-01T00:00:00Z,true," + school + ",student,u" + barcode + ",,Kai,Ng,,"
                + barcode + ",,,,,0" + grade + ",\n";
    }

    @Test
    void aRosterZipUpsertsSitesPatronsClassesAndDeactivatesMissingUsersOnBulk() {
        String code = Fixtures.newSite().replace("S", "R");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String mia = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String miaBarcode = Fixtures.unique("9");
        JsonPath first = importAndWait(zip(roster(school, code, kai,
                user(kai, school, kaiBarcode, "7") + user(mia, school, miaBarcode, "7"))));
        assertEquals("FINISHED", first.getString("status"));
        assertEquals(0, first.getInt("errorCount"));
        assertEquals(2, first.getInt("usersApplied"));
        assertEquals(1, first.getInt("classesApplied"));
        assertEquals(1, first.getInt("enrollmentsApplied"));

        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/" + code)
                .then().statusCode(200).body("siteType", equalTo("MIDDLE"));
        String kaiId = given().auth().oauth2(TestTokens.siteStaff(code)).queryParam("barcode", kaiBarcode)
                .when().get("/api/v1/patrons")
                .then().statusCode(200).body("", hasSize(1)).body("[0].homeSite", equalTo(code))
                .body("[0].grade", equalTo("7")).body("[0].patronType", equalTo("STUDENT"))
                .extract().path("[0].id");
        EventEnvelope enrollment = Fixtures.awaitEvents(Topics.CIRCULATION_ROSTER, "enr-" + code,
                seen -> !seen.isEmpty()).get(0);
        assertEquals(kaiId, EventJson.payload(enrollment, RosterEnrollmentUpserted.class).patronId().toString());

        // the next full export no longer lists Mia: she is deactivated, Kai stays (an upsert, not a second patron)
        JsonPath second = importAndWait(zip(roster(school, code, kai, user(kai, school, kaiBarcode, "8"))));
        assertEquals("FINISHED", second.getString("status"));
        assertEquals(1, second.getInt("usersDeactivated"), "Mia, and no patron of another school");
        given().auth().oauth2(TestTokens.siteStaff(code)).queryParam("barcode", miaBarcode)
                .when().get("/api/v1/patrons").then().body("[0].status", equalTo("INACTIVE"));
        given().auth().oauth2(TestTokens.siteStaff(code)).queryParam("barcode", kaiBarcode)
                .when().get("/api/v1/patrons").then().body("", hasSize(1))
                .body("[0].status", equalTo("ACTIVE")).body("[0].grade", equalTo("8"));
    }

    @Test
    void aUserListedUnchangedIsNeitherWrittenNorAnnouncedAgainButStaysActiveInAFullExport() {
        String code = Fixtures.newSite().replace("S", "U");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String mia = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String miaBarcode = Fixtures.unique("9");
        String both = user(kai, school, kaiBarcode, "7") + user(mia, school, miaBarcode, "7");
        assertEquals("FINISHED", importAndWait(zip(roster(school, code, kai, both))).getString("status"));
        String kaiId = given().auth().oauth2(TestTokens.siteStaff(code)).queryParam("barcode", kaiBarcode)
                .when().get("/api/v1/patrons").then().statusCode(200).extract().path("[0].id");

        JsonPath again = importAndWait(zip(roster(school, code, kai, both)));
        assertEquals("FINISHED", again.getString("status"));
        assertEquals(2, again.getInt("usersApplied"));
        assertEquals(0, again.getInt("usersDeactivated"), "seen by this import, though not written");
        for (String barcode : List.of(kaiBarcode, miaBarcode)) {
            given().auth().oauth2(TestTokens.siteStaff(code)).queryParam("barcode", barcode)
                    .when().get("/api/v1/patrons").then().body("[0].status", equalTo("ACTIVE"));
        }

        // Kai moves up a grade: the one change since the first import is the second event of his key
        importAndWait(zip(roster(school, code, kai, user(kai, school, kaiBarcode, "8")
                + user(mia, school, miaBarcode, "7"))));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, kaiId,
                seen -> seen.size() >= 2);
        assertEquals(List.of("PatronCreated", "PatronUpdated"), events.stream().limit(2)
                .map(EventEnvelope::type).toList());
        assertEquals("8", EventJson.payload(events.get(1), PatronUpdated.class).patron().grade());
    }

    private static String status(String site, String barcode) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("barcode", barcode)
                .when().get("/api/v1/patrons").then().statusCode(200).body("", hasSize(1))
                .extract().path("[0].status");
    }

    private static String reasons(JsonPath result) {
        return result.getList("errors").toString();
    }

    @Test
    void aFullExportWhoseUsersFileWasNotReadWholeDeactivatesNobody() {
        String code = Fixtures.newSite().replace("S", "W");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String mia = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String miaBarcode = Fixtures.unique("9");
        assertEquals("FINISHED", importAndWait(zip(roster(school, code, kai,
                user(kai, school, kaiBarcode, "7") + user(mia, school, miaBarcode, "7")))).getString("status"));

        // users.csv without its role column: rejected whole, so the export's list of users is unknown
        Map<String, String> noRole = new LinkedHashMap<>(roster(school, code, kai, ""));
        noRole.put("users.csv", "sourcedId,status,orgSourcedIds,givenName,familyName,identifier\n"
                + kai + ",active," + school + ",Kai,Ng," + kaiBarcode + "\n");
        JsonPath rejected = importAndWait(zip(noRole));
        assertEquals("FINISHED", rejected.getString("status"));
        assertEquals(0, rejected.getInt("usersDeactivated"));
        assertTrue(reasons(rejected).contains("no patron deactivated: users.csv was not read whole (missing columns "
                + "[role])"), reasons(rejected));

        // a bad quote stops the parser partway: Mia, after it, is never read
        JsonPath broken = importAndWait(zip(roster(school, code, kai, user(kai, school, kaiBarcode, "7")
                + "s-quote,active,2026-08-01T00:00:00Z,true," + school + ",student,\"q\"x,,Q,Q,,91,,,,,07,\n"
                + user(mia, school, miaBarcode, "7"))));
        assertEquals("FINISHED", broken.getString("status"));
        assertEquals(0, broken.getInt("usersDeactivated"));
        assertTrue(reasons(broken).contains("no patron deactivated: users.csv was not read whole (unreadable CSV"),
                reasons(broken));
        assertEquals("ACTIVE", status(code, kaiBarcode));
        assertEquals("ACTIVE", status(code, miaBarcode));
    }

    @Test
    void aUserWhoseRowFailedIsStillListedByTheFullExportAndStaysActive() {
        String code = Fixtures.newSite().replace("S", "F");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String mia = Fixtures.unique("s-");
        String lee = Fixtures.unique("s-");
        String ada = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String miaBarcode = Fixtures.unique("9");
        String leeBarcode = Fixtures.unique("9");
        String adaBarcode = Fixtures.unique("9");
        assertEquals(4, importAndWait(zip(roster(school, code, kai, user(kai, school, kaiBarcode, "7")
                + user(mia, school, miaBarcode, "7") + user(lee, school, leeBarcode, "7")
                + user(ada, school, adaBarcode, "7")))).getInt("usersApplied"));

        // Mia's role is a typo, Lee's org unknown, Ada's row lost her sourcedId: all three still in the file
        JsonPath next = importAndWait(zip(roster(school, code, kai, user(kai, school, kaiBarcode, "7")
                + user(mia, school, miaBarcode, "7").replace(",student,", ",wizard,")
                + user(lee, "sch-nowhere", leeBarcode, "7") + user("", school, adaBarcode, "7"))));
        assertEquals("FINISHED", next.getString("status"));
        assertEquals(3, next.getInt("errorCount"), reasons(next));
        assertEquals(0, next.getInt("usersDeactivated"));
        for (String barcode : List.of(kaiBarcode, miaBarcode, leeBarcode, adaBarcode)) {
            assertEquals("ACTIVE", status(code, barcode), barcode);
        }
    }

    @Test
    void oneSchoolsFullExportDeactivatesOnlyThatSchoolsPatrons() {
        String codeA = Fixtures.newSite().replace("S", "A");
        String codeB = Fixtures.newSite().replace("S", "B");
        String schoolA = "sch-" + codeA;
        String schoolB = "sch-" + codeB;
        String kai = Fixtures.unique("s-");
        String mia = Fixtures.unique("s-");
        String lee = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String miaBarcode = Fixtures.unique("9");
        String leeBarcode = Fixtures.unique("9");
        importAndWait(zip(roster(schoolA, codeA, kai, user(kai, schoolA, kaiBarcode, "7")
                + user(mia, schoolA, miaBarcode, "7"))));
        importAndWait(zip(roster(schoolB, codeB, lee, user(lee, schoolB, leeBarcode, "7"))));

        // school A's own full export, without Mia: she goes, school B's Lee stays
        JsonPath again = importAndWait(zip(roster(schoolA, codeA, kai, user(kai, schoolA, kaiBarcode, "7"))));
        assertEquals("FINISHED", again.getString("status"));
        assertEquals(1, again.getInt("usersDeactivated"));
        assertEquals("INACTIVE", status(codeA, miaBarcode));
        assertEquals("ACTIVE", status(codeA, kaiBarcode));
        assertEquals("ACTIVE", status(codeB, leeBarcode));
    }

    private static String classLine(String sourcedId, String school) {
        return sourcedId + ",active,2026-08-01T00:00:00Z,Math 7,07,,M7,scheduled,Room 3," + school
                + ",,Mathematics,MTH,1\n";
    }

    private static String enrollmentLine(String sourcedId, String classId, String school, String user) {
        return sourcedId + ",active,2026-08-01T00:00:00Z," + classId + "," + school + "," + user
                + ",student,false,2026-08-12,2027-06-10\n";
    }

    /** One school's export with these classes.csv and enrollments.csv rows (headers as {@link #roster}'s). */
    private static Map<String, String> withClasses(Map<String, String> roster, String classes, String enrollments) {
        Map<String, String> files = new LinkedHashMap<>(roster);
        files.put("classes.csv", files.get("classes.csv").lines().findFirst().orElseThrow() + "\n" + classes);
        files.put("enrollments.csv", files.get("enrollments.csv").lines().findFirst().orElseThrow() + "\n"
                + enrollments);
        return files;
    }

    @Test
    void oneSchoolsFullExportRetiresOnlyTheClassesAndEnrollmentsOfThatSchoolItNoLongerLists() {
        String codeA = Fixtures.newSite().replace("S", "C");
        String codeB = Fixtures.newSite().replace("S", "D");
        String schoolA = "sch-" + codeA;
        String schoolB = "sch-" + codeB;
        String kai = Fixtures.unique("s-");
        String lee = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String leeBarcode = Fixtures.unique("9");
        String math = "cls-" + codeA;
        String art = "art-" + codeA;
        String band = "band-" + codeA;
        Map<String, String> a = roster(schoolA, codeA, kai, user(kai, schoolA, kaiBarcode, "7"));
        JsonPath first = importAndWait(zip(withClasses(a, classLine(math, schoolA) + classLine(art, schoolA)
                        + classLine(band, schoolA), enrollmentLine("enr-" + math, math, schoolA, kai)
                        + enrollmentLine("enr-" + art, art, schoolA, kai) + enrollmentLine("enr-" + band, band, schoolA,
                        kai))));
        assertEquals(3, first.getInt("classesApplied"), reasons(first));
        assertEquals(3, first.getInt("enrollmentsApplied"), reasons(first));
        assertEquals("FINISHED", importAndWait(zip(roster(schoolB, codeB, lee, user(lee, schoolB, leeBarcode, "7"))))
                .getString("status"));

        // school A's next full export: art is gone; band's row names an org this district does not know (it is
        // listed all the same); school B's class and enrollment, and every other test's, are not school A's to retire
        JsonPath next = importAndWait(zip(withClasses(a, classLine(math, schoolA) + classLine(band, "sch-nowhere"),
                enrollmentLine("enr-" + math, math, schoolA, kai)
                        + enrollmentLine("enr-" + band, band + "-typo", schoolA, kai))));
        assertEquals("FINISHED", next.getString("status"));
        assertEquals(2, next.getInt("errorCount"), reasons(next));
        assertEquals(1, next.getInt("classesRetired"), "art, and no class of another school");
        assertEquals(1, next.getInt("enrollmentsRetired"), "art's, and no enrollment of another school");
        assertEquals(Map.of(math, "active", band, "active", art, "tobedeleted", "cls-" + codeB, "active"),
                statuses("roster_class", math, band, art, "cls-" + codeB));
        assertEquals(Map.of("enr-" + math, "active", "enr-" + band, "active", "enr-" + art, "tobedeleted",
                "enr-" + codeB, "active"), statuses("roster_enrollment", "enr-" + math, "enr-" + band, "enr-" + art,
                "enr-" + codeB));
    }

    private Map<String, String> statuses(String table, String... sourcedIds) {
        Map<String, String> statuses = new java.util.HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sourced_id, status FROM " + table + " WHERE sourced_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("text", sourcedIds));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    statuses.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    @Test
    void aFullExportWhoseClassesOrEnrollmentsWereNotReadWholeRetiresNone() {
        String code = Fixtures.newSite().replace("S", "E");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String kaiBarcode = Fixtures.unique("9");
        String math = "cls-" + code;
        String art = "art-" + code;
        Map<String, String> a = roster(school, code, kai, user(kai, school, kaiBarcode, "7"));
        String bothEnrollments = enrollmentLine("enr-" + math, math, school, kai)
                + enrollmentLine("enr-" + art, art, school, kai);
        importAndWait(zip(withClasses(a, classLine(math, school) + classLine(art, school), bothEnrollments)));

        // classes.csv without its schoolSourcedId column, and an enrollments.csv cut short by a bad quote
        Map<String, String> broken = withClasses(a, "", enrollmentLine("enr-" + math, math, school, kai)
                + "enr-q,active,2026-08-01T00:00:00Z,\"q\"x," + school + "," + kai + ",student,false,,\n"
                + enrollmentLine("enr-" + art, art, school, kai));
        broken.put("classes.csv", "sourcedId,status,dateLastModified,title\n" + math + ",active,2026-08-01T00:00:00Z,"
                + "Math 7\n");
        JsonPath result = importAndWait(zip(broken));
        assertEquals("FINISHED", result.getString("status"));
        assertEquals(0, result.getInt("classesRetired"));
        assertEquals(0, result.getInt("enrollmentsRetired"));
        assertTrue(reasons(result).contains("no class retired: classes.csv was not read whole (missing columns "
                + "[schoolSourcedId])"), reasons(result));
        assertTrue(reasons(result).contains("no enrollment retired: enrollments.csv was not read whole (unreadable "
                + "CSV"), reasons(result));
    }

    @Test
    void aMultipartUploadIsImportedToo() {
        String code = Fixtures.newSite().replace("S", "M");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        String barcode = Fixtures.unique("9");
        String id = given().auth().oauth2(TestTokens.integration())
                .multiPart("file", "roster.zip", zip(roster(school, code, kai, user(kai, school, barcode, "7"))),
                        "application/zip")
                .when().post("/api/v1/imports/oneroster")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINISHED".equals(given().auth()
                .oauth2(TestTokens.integration()).when().get("/api/v1/imports/" + id).path("status")));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("barcode", barcode)
                .when().get("/api/v1/patrons").then().body("", hasSize(1));
    }

    @Test
    void onlyTheDistrictAndTheSisMayImportAndTheBodyMustBeAZip() {
        byte[] zip = zip(Map.of("manifest.csv", MANIFEST));
        given().contentType("application/zip").body(zip).when().post("/api/v1/imports/oneroster")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType("application/zip").body(zip)
                .when().post("/api/v1/imports/oneroster").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip").body(zip)
                .when().post("/api/v1/imports/oneroster")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip")
                .body("not a zip".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports/oneroster")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    /**
     * An org whose identifier begins with '_' or '-' is no site code (reporting would dead-letter its events): the row
     * is reported and no site is made of it; the other orgs are imported as usual.
     */
    @Test
    void anOrgWhoseIdentifierBeginsWithAnUnderscoreOrAHyphenIsReportedAndNoSiteIsMade() {
        String code = Fixtures.newSite().replace("S", "B");
        String school = "sch-" + code;
        String kai = Fixtures.unique("s-");
        Map<String, String> files = new LinkedHashMap<>(roster(school, code, kai,
                user(kai, school, Fixtures.unique("9"), "7")));
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + school + ",active,2026-08-01T00:00:00Z,Test Middle School,school," + code + ",\n"
                + "u" + school + ",active,2026-08-01T00:00:00Z,Underscore School,school,_" + code + ",\n"
                + "h" + school + ",active,2026-08-01T00:00:00Z,Hyphen School,school,-" + code + ",\n");
        JsonPath result = importAndWait(zip(files));
        assertEquals("FINISHED", result.getString("status"));
        assertEquals(1, result.getInt("sitesApplied"));
        assertEquals(2, result.getInt("errorCount"), reasons(result));
        List<Map<String, Object>> errors = result.getList("errors");
        assertEquals(List.of("orgs.csv", "orgs.csv"), errors.stream().map(e -> e.get("file")).toList());
        for (String bad : List.of("_" + code, "-" + code)) {
            assertTrue(errors.stream().map(e -> (String) e.get("reason")).anyMatch(r -> r.contains("'" + bad + "'")
                    && r.contains("is not a site code") && r.contains("beginning with a letter or digit")),
                    reasons(result));
            assertEquals(0, Fixtures.count("SELECT count(*) FROM site WHERE code = ?", bad));
        }
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/" + code).then().statusCode(200);
    }

    @Test
    void theDistrictSampleImportsCleanly() throws IOException {
        Path sample = sharedData("district-sample");
        JsonPath result = importAndWait(zip(sample));
        assertEquals("FINISHED", result.getString("status"));
        assertEquals(0, result.getInt("errorCount"), () -> result.getList("errors").toString());
        assertEquals(3, result.getInt("sitesApplied"));
        assertEquals(90, result.getInt("usersApplied"));
        assertEquals(7, result.getInt("classesApplied"));
        assertEquals(99, result.getInt("enrollmentsApplied"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).queryParam("barcode", "900001")
                .when().get("/api/v1/patrons").then().body("[0].homeSite", equalTo("LHS"))
                .body("[0].grade", equalTo("10")).body("[0].firstName", equalTo("Mateo"));
        // its one homeroom class (Garfield's "Grade 3 - Room 5", taught by t-300) seats its twelve students
        given().auth().oauth2(TestTokens.siteStaff("GES")).queryParam("barcode", "900051")
                .when().get("/api/v1/patrons").then().body("[0].homeroom", equalTo("Grade 3 - Room 5"))
                .body("[0].homeroomSource", equalTo("ROSTER")).body("[0].homeroomTeacher", equalTo("Robin Castillo"));
        given().auth().oauth2(TestTokens.siteStaff("GES")).queryParam("site", "GES")
                .queryParam("homeroom", "Grade 3 - Room 5").when().get("/api/v1/patrons")
                .then().body("", hasSize(12));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).queryParam("barcode", "900001")
                .when().get("/api/v1/patrons").then().body("[0].homeroom", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theBadSampleAppliesTheGoodRowsAndReportsEachBadRow() throws IOException {
        Path sample = sharedData("bad-sample");
        Path district = sharedData("district-sample");
        assertEquals("FINISHED", importAndWait(zip(district)).getString("status"));
        JsonPath result = importAndWait(zip(sample));
        assertEquals("FINISHED", result.getString("status"));
        List<Map<String, Object>> errors = result.getList("errors");
        Map<String, String> byLine = new LinkedHashMap<>();
        errors.forEach(e -> byLine.put(e.get("file") + ":" + e.get("line"), (String) e.get("reason")));
        assertTrue(byLine.get("users.csv:14").contains("sourcedId"), byLine.toString());
        assertTrue(byLine.get("users.csv:15").contains("unknown org"), byLine.toString());
        assertTrue(byLine.get("users.csv:16").contains("invalid role"), byLine.toString());
        assertTrue(byLine.get("users.csv:17").contains("duplicate"), byLine.toString());
        assertTrue(byLine.get("users.csv:18").contains("truncated"), byLine.toString());
        assertTrue(byLine.get("enrollments.csv:12").contains("unknown class"), byLine.toString());
        assertTrue(byLine.get("enrollments.csv:13").contains("unknown user"), byLine.toString());
        // 5 bad users; the enrollments of s-1005 (not in this file) apply only if an earlier roster knew her
        assertEquals(5, byLine.keySet().stream().filter(k -> k.startsWith("users.csv")).count(), byLine::toString);
        assertEquals(12, result.getInt("usersApplied"));
        long badEnrollments = byLine.keySet().stream().filter(k -> k.startsWith("enrollments.csv")).count();
        assertEquals(12, result.getInt("enrollmentsApplied") + badEnrollments, byLine::toString);
        assertEquals(byLine.size(), result.getInt("errorCount"));
        // a full export of the district's four orgs: the district sample's 90 users but the 12 it lists again go
        // (its failed rows' users, s-1001 twice, are listed too); no patron of another test's school
        assertTrue(result.getBoolean("bulk"));
        assertEquals(78, result.getInt("usersDeactivated"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).queryParam("barcode", "900001")
                .when().get("/api/v1/patrons").then().body("[0].status", equalTo("ACTIVE"));
    }

    private static Path sharedData(String sample) {
        String shared = System.getProperty("lrms.shared.dir");
        Assumptions.assumeTrue(shared != null, "lrms.shared.dir is not set");
        Path folder = Path.of(shared, "data", "oneroster", sample);
        Assumptions.assumeTrue(Files.isDirectory(folder), folder + " is absent");
        return folder;
    }
}
