package org.lrms.circulation.roster;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.circulation.loan.LoanSweeper;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.events.circulation.RosterClassUpserted;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.circulation.roster.RosterImportTest.importAndWait;
import static org.lrms.circulation.roster.RosterImportTest.zip;

/**
 * Homerooms and their teachers from the roster's homeroom classes (OneRoster 1.1 users carry none), on rosters built
 * here: set, moved, taken away, kept when staff entered them, shown to staff, on the notices and in the events.
 */
@QuarkusTest
class RosterHomeroomTest {

    private static final String USERS = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,"
            + "username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
            + "password\n";
    private static final String CLASSES = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
            + "classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n";
    private static final String ENROLLMENTS = "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
            + "userSourcedId,role,primary,beginDate,endDate\n";

    @Inject
    LoanSweeper sweeper;

    @Inject
    AgroalDataSource db;

    /** A school of its own, so that tests sharing the database never see each other's patrons. */
    private record School(String code, String org, String prefix) {
        static School create() {
            String code = "H" + Fixtures.unique("").substring(0, 5);
            return new School(code, "sch-" + code, code.toLowerCase(Locale.ROOT) + "-");
        }

        String orgs() {
            return "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    + org + ",active,2026-08-01T00:00:00Z,Homeroom School " + code + ",school," + code + ",\n";
        }

        String user(String id, String role, String given, String family, String grade) {
            return prefix + id + ",active,2026-08-01T00:00:00Z,true," + org + "," + role + ",,," + given + ","
                    + family + ",," + barcode(id) + ",,,,," + grade + ",\n";
        }

        String barcode(String id) {
            return code + "-" + id.toUpperCase(Locale.ROOT);
        }

        String homeroom(String id, String title, String status) {
            return prefix + id + "," + status + ",2026-08-01T00:00:00Z," + title + ",,,HR,homeroom,Room 1," + org
                    + ",,,,\n";
        }

        String scheduled(String id, String title) {
            return prefix + id + ",active,2026-08-01T00:00:00Z," + title + ",,,M7,scheduled,Room 2," + org
                    + ",,,,\n";
        }

        String enrollment(String id, String classId, String userId, String role, boolean primary, String status) {
            return prefix + id + "," + status + ",2026-08-01T00:00:00Z," + prefix + classId + "," + org + ","
                    + prefix + userId + "," + role + "," + primary + ",2026-08-12,2027-06-10\n";
        }
    }

    private static String manifest(String users, String classes, String enrollments) {
        return "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,delta\nfile.users,"
                + users + "\nfile.classes," + classes + "\nfile.enrollments," + enrollments + "\n";
    }

    private static Map<String, String> files(String manifest, School school, String users, String classes,
                                             String enrollments) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest);
        files.put("orgs.csv", school.orgs());
        files.put("users.csv", USERS + users);
        files.put("classes.csv", CLASSES + classes);
        files.put("enrollments.csv", ENROLLMENTS + enrollments);
        return files;
    }

    private static JsonPath patron(School school, String id) {
        return given().auth().oauth2(TestTokens.siteStaff(school.code())).queryParam("barcode", school.barcode(id))
                .when().get("/api/v1/patrons").then().statusCode(200).body("", hasSize(1))
                .extract().jsonPath();
    }

    @Test
    void aGeneratedRosterSeatsEveryStudentInItsHomeroomWithItsTeacherAndMovesThemAll() {
        School school = School.create();
        int students = 1_100; // more than two batches of 500, for the users and for the homerooms moved
        StringBuilder users = new StringBuilder(school.user("t-a", "teacher", "Ada", "Lovelace", "")
                + school.user("t-b", "teacher", "Alan", "Turing", "") + school.user("t-c", "teacher", "Cy", "Aide", ""));
        StringBuilder enrollments = new StringBuilder(school.enrollment("e-t-a", "hr-a", "t-a", "teacher", true,
                "active") + school.enrollment("e-t-c", "hr-a", "t-c", "teacher", false, "active")
                + school.enrollment("e-t-b", "hr-b", "t-b", "teacher", true, "active"));
        StringBuilder moved = new StringBuilder(enrollments);
        for (int n = 0; n < students; n++) {
            users.append(school.user("s-" + n, "student", "Kai", "Ng" + n, "07"));
            String room = n % 2 == 0 ? "hr-a" : "hr-b";
            String other = n % 2 == 0 ? "hr-b" : "hr-a";
            enrollments.append(school.enrollment("e-" + n, room, "s-" + n, "student", false, "active"))
                    .append(school.enrollment("m-" + n, "math", "s-" + n, "student", false, "active"));
            moved.append(school.enrollment("e-" + n, room, "s-" + n, "student", false, "tobedeleted"))
                    .append(school.enrollment("f-" + n, other, "s-" + n, "student", false, "active"));
        }
        users.append(school.user("s-none", "student", "Mia", "Roe", "07"));
        String classes = school.homeroom("hr-a", "Homeroom 7A", "active") + school.homeroom("hr-b", "Homeroom 7B",
                "active") + school.scheduled("math", "Math 7");

        JsonPath first = importAndWait(zip(files(manifest("delta", "delta", "delta"), school, users.toString(),
                classes, enrollments.toString())));
        assertEquals("FINISHED", first.getString("status"));
        assertEquals(0, first.getInt("errorCount"), () -> first.getList("errors").toString());
        assertEquals(students + 4, first.getInt("usersApplied"));
        // every new student was created with its homeroom: nothing left for the derivation to change or announce
        assertEquals(0, first.getInt("homeroomsApplied"));

        JsonPath kai = patron(school, "s-0");
        assertEquals("Homeroom 7A", kai.getString("[0].homeroom"));
        assertEquals("ROSTER", kai.getString("[0].homeroomSource"));
        assertEquals("Ada Lovelace", kai.getString("[0].homeroomTeacher"), "the primary teacher, not the other");
        assertEquals("Alan Turing", patron(school, "s-1").getString("[0].homeroomTeacher"));
        assertNull(patron(school, "s-none").get("[0].homeroom"));
        String kaiId = kai.getString("[0].id");
        EventEnvelope created = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, kaiId, seen -> !seen.isEmpty())
                .get(0);
        assertEquals("PatronCreated", created.type());
        assertEquals("Homeroom 7A", EventJson.payload(created, PatronCreated.class).patron().homeroom());
        EventEnvelope hr = Fixtures.awaitEvents(Topics.CIRCULATION_ROSTER, school.prefix() + "hr-a",
                seen -> !seen.isEmpty()).get(0);
        assertEquals("homeroom", EventJson.payload(hr, RosterClassUpserted.class).classType());

        // the search finds a homeroom's students, each with the teacher
        given().auth().oauth2(TestTokens.siteStaff(school.code())).queryParam("site", school.code())
                .queryParam("homeroom", "homeroom 7b").queryParam("size", 500).queryParam("page", 1)
                .when().get("/api/v1/patrons").then().statusCode(200).body("", hasSize(students / 2 - 500))
                .body("homeroomTeacher.unique()", equalTo(List.of("Alan Turing")));

        // a delta moves every student to the other homeroom: all of them changed, in three transactions of events
        JsonPath second = importAndWait(zip(files(manifest("delta", "delta", "delta"), school, "", "",
                moved.toString())));
        assertEquals("FINISHED", second.getString("status"));
        assertEquals(0, second.getInt("errorCount"), () -> second.getList("errors").toString());
        assertEquals(students, second.getInt("homeroomsApplied"));
        assertEquals("Homeroom 7B", patron(school, "s-0").getString("[0].homeroom"));
        assertEquals("Alan Turing", patron(school, "s-0").getString("[0].homeroomTeacher"));
        assertEquals("Ada Lovelace", patron(school, "s-1099").getString("[0].homeroomTeacher"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, kaiId,
                seen -> seen.size() >= 2);
        assertEquals("PatronUpdated", events.get(1).type());
        assertEquals("Homeroom 7B", EventJson.payload(events.get(1), PatronUpdated.class).patron().homeroom());
    }

    @Test
    void theRosterWinsWhereItHasAHomeroomTakesItAwayWithTheEnrollmentAndKeepsWhatStaffEnteredOtherwise() {
        School school = School.create();
        String token = TestTokens.siteStaff(school.code());
        // staff registered two students before the SIS did: one the roster will seat in a homeroom, one it never will
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", school.code(), "name", "Homeroom School " + school.code(), "siteType", "MIDDLE"))
                .when().post("/api/v1/sites").then().statusCode(201);
        Map<String, Object> adopted = Fixtures.patronJson(school.code(), school.barcode("s-4"), "STUDENT", "7");
        adopted.put("homeroom", "Room 99");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(adopted).when().post("/api/v1/patrons")
                .then().statusCode(201);
        Map<String, Object> staffOnly = Fixtures.patronJson(school.code(), school.barcode("helper"), "STUDENT", "7");
        staffOnly.put("homeroom", "Library Helpers");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(staffOnly).when().post("/api/v1/patrons")
                .then().statusCode(201);

        String users = school.user("t-1", "teacher", "Robin", "Castillo", "")
                + school.user("s-1", "student", "Kai", "One", "07") + school.user("s-2", "student", "Kai", "Two", "07")
                + school.user("s-3", "student", "Kai", "Three", "07") + school.user("s-4", "student", "Ana", "Lopez",
                "07");
        String classes = school.homeroom("hr-1", "Room 5", "active")        // line 2
                + school.homeroom("hr-2", "Room 6", "active");               // line 3: nobody teaches it
        String enrollments = school.enrollment("e-t", "hr-1", "t-1", "teacher", true, "active")
                + school.enrollment("e-1", "hr-1", "s-1", "student", false, "active")
                + school.enrollment("e-2", "hr-1", "s-2", "student", false, "active")
                + school.enrollment("e-3", "hr-2", "s-3", "student", false, "active")
                + school.enrollment("e-4", "hr-1", "s-4", "student", false, "active")
                + school.enrollment("e-x", "no-such-class", "s-1", "student", false, "active"); // line 7
        JsonPath first = importAndWait(zip(files(manifest("delta", "delta", "delta"), school, users, classes,
                enrollments)));
        assertEquals("FINISHED", first.getString("status"), first::prettify);
        Map<String, String> errors = new LinkedHashMap<>();
        first.getList("errors", Map.class).forEach(e -> errors.put(e.get("file") + ":" + e.get("line"),
                (String) e.get("reason")));
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get("classes.csv:3").contains("homeroom class " + school.prefix() + "hr-2 has no teacher"),
                errors::toString);
        assertTrue(errors.get("enrollments.csv:7").contains("unknown class"), errors::toString);
        assertEquals(5, first.getInt("enrollmentsApplied"));

        assertEquals("Robin Castillo", patron(school, "s-1").getString("[0].homeroomTeacher"));
        JsonPath three = patron(school, "s-3");
        assertEquals("Room 6", three.getString("[0].homeroom"), "the homeroom without its teacher");
        assertNull(three.get("[0].homeroomTeacher"));
        JsonPath ana = patron(school, "s-4");
        assertEquals("Room 5", ana.getString("[0].homeroom"), "the roster's homeroom replaces the one staff typed");
        assertEquals("ROSTER", ana.getString("[0].homeroomSource"));
        assertEquals("es", ana.getString("[0].language"), "what else staff entered stays");
        assertEquals(1, first.getInt("homeroomsApplied"), "the adopted patron; the new ones were created with theirs");
        List<EventEnvelope> anaEvents = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, ana.getString("[0].id"),
                seen -> seen.stream().anyMatch(e -> "Room 5".equals(homeroom(e))));
        assertEquals("PatronUpdated", anaEvents.get(anaEvents.size() - 1).type());
        JsonPath helper = patron(school, "helper");
        assertEquals("Library Helpers", helper.getString("[0].homeroom"));
        assertEquals("STAFF", helper.getString("[0].homeroomSource"));

        // staff move Kai Two by hand: theirs, without a teacher, until an import seats him again
        String twoId = patron(school, "s-2").getString("[0].id");
        Map<String, Object> edit = Fixtures.patronJson(school.code(), school.barcode("s-2"), "STUDENT", "7");
        edit.put("firstName", "Kai");
        edit.put("lastName", "Two");
        edit.put("homeroom", "Room 7");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(edit).when().put("/api/v1/patrons/" + twoId)
                .then().statusCode(200).body("homeroom", equalTo("Room 7")).body("homeroomSource", equalTo("STAFF"))
                .body("homeroomTeacher", nullValue());

        // a delta deletes Kai One's enrollment: he loses the homeroom; Kai Two is seated in Room 5 again
        JsonPath second = importAndWait(zip(files(manifest("delta", "delta", "delta"), school, "", "",
                school.enrollment("e-1", "hr-1", "s-1", "student", false, "tobedeleted"))));
        assertEquals("FINISHED", second.getString("status"));
        assertEquals(2, second.getInt("homeroomsApplied"));
        JsonPath one = patron(school, "s-1");
        assertNull(one.get("[0].homeroom"));
        assertNull(one.get("[0].homeroomSource"));
        List<EventEnvelope> oneEvents = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, one.getString("[0].id"),
                seen -> seen.size() >= 2);
        assertEquals("PatronUpdated", oneEvents.get(1).type());
        assertNull(homeroom(oneEvents.get(1)));
        assertEquals("Room 5", patron(school, "s-2").getString("[0].homeroom"));
        assertEquals("ROSTER", patron(school, "s-2").getString("[0].homeroomSource"));

        // a full enrollments.csv that lists only Kai Two and the teacher: Kai Three and Ana lose theirs, the
        // enrollments gone are announced as tobedeleted, and the homeroom staff entered for the helper stays
        JsonPath third = importAndWait(zip(files(manifest("delta", "delta", "bulk"), school, "", "",
                school.enrollment("e-t", "hr-1", "t-1", "teacher", true, "active")
                        + school.enrollment("e-2", "hr-1", "s-2", "student", false, "active"))));
        assertEquals("FINISHED", third.getString("status"));
        assertTrue(third.getInt("enrollmentsRetired") >= 2, third::prettify);
        assertNull(patron(school, "s-3").get("[0].homeroom"));
        assertNull(patron(school, "s-4").get("[0].homeroom"));
        assertEquals("Room 5", patron(school, "s-2").getString("[0].homeroom"));
        assertEquals("Library Helpers", patron(school, "helper").getString("[0].homeroom"));
        EventEnvelope gone = Fixtures.awaitEvents(Topics.CIRCULATION_ROSTER, school.prefix() + "e-3",
                seen -> seen.size() >= 2).get(1);
        assertEquals("tobedeleted", EventJson.payload(gone, RosterEnrollmentUpserted.class).status());
    }

    @Test
    void aFullClassesFileRetiresTheHomeroomsItNoLongerListsAndTheirStudentsLoseThem() {
        School school = School.create();
        String users = school.user("t-1", "teacher", "Dana", "Whitfield", "")
                + school.user("s-1", "student", "Kai", "Garcia", "03");
        String enrollments = school.enrollment("e-t", "hr-1", "t-1", "teacher", true, "active")
                + school.enrollment("e-1", "hr-1", "s-1", "student", false, "active")
                + school.enrollment("e-2", "math", "s-1", "student", false, "active");
        importAndWait(zip(files(manifest("delta", "delta", "delta"), school, users,
                school.homeroom("hr-1", "Room 5", "active") + school.scheduled("math", "Math 3"), enrollments)));
        assertEquals("Room 5", patron(school, "s-1").getString("[0].homeroom"));

        JsonPath full = importAndWait(zip(files(manifest("delta", "bulk", "delta"), school, "",
                school.scheduled("math", "Math 3"), "")));
        assertEquals("FINISHED", full.getString("status"));
        assertTrue(full.getInt("classesRetired") >= 1, full::prettify);
        assertNull(patron(school, "s-1").get("[0].homeroom"));
        EventEnvelope gone = Fixtures.awaitEvents(Topics.CIRCULATION_ROSTER, school.prefix() + "hr-1",
                seen -> seen.size() >= 2).get(1);
        RosterClassUpserted retired = EventJson.payload(gone, RosterClassUpserted.class);
        assertEquals("tobedeleted", retired.status());
        assertEquals("homeroom", retired.classType());
        assertEquals(school.code(), retired.siteCode());
    }

    @Test
    void anotherClassOfTheSameTitleChangesTheTeacherButAnnouncesNothing() {
        School school = School.create();
        String users = school.user("t-1", "teacher", "Dana", "Whitfield", "")
                + school.user("t-2", "teacher", "Sam", "Alvarez", "") + school.user("s-1", "student", "Kai", "Ng", "05");
        String classes = school.homeroom("hr-1", "Homeroom", "active") + school.homeroom("hr-2", "Homeroom", "active");
        String teachers = school.enrollment("e-t1", "hr-1", "t-1", "teacher", true, "active")
                + school.enrollment("e-t2", "hr-2", "t-2", "teacher", true, "active");
        importAndWait(zip(files(manifest("delta", "delta", "delta"), school, users, classes,
                teachers + school.enrollment("e-1", "hr-1", "s-1", "student", false, "active"))));
        JsonPath moved = importAndWait(zip(files(manifest("delta", "delta", "delta"), school, "", "",
                school.enrollment("e-1", "hr-1", "s-1", "student", false, "tobedeleted")
                        + school.enrollment("e-2", "hr-2", "s-1", "student", false, "active"))));
        assertEquals(1, moved.getInt("homeroomsApplied"));
        JsonPath kai = patron(school, "s-1");
        assertEquals("Homeroom", kai.getString("[0].homeroom"));
        assertEquals("Sam Alvarez", kai.getString("[0].homeroomTeacher"));

        // a staff edit afterwards (grade 6) is the next event of Kai's key: the move published none before it
        Map<String, Object> edit = Fixtures.patronJson(school.code(), school.barcode("s-1"), "STUDENT", "6");
        edit.put("firstName", "Kai");
        edit.put("lastName", "Ng");
        edit.put("homeroom", "Homeroom");
        String id = kai.getString("[0].id");
        given().auth().oauth2(TestTokens.siteStaff(school.code())).contentType(ContentType.JSON).body(edit)
                .when().put("/api/v1/patrons/" + id).then().statusCode(200)
                .body("homeroomSource", equalTo("ROSTER")).body("homeroomTeacher", equalTo("Sam Alvarez"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, id,
                seen -> seen.stream().anyMatch(e -> "PatronUpdated".equals(e.type())
                        && "6".equals(EventJson.payload(e, PatronUpdated.class).patron().grade())));
        assertEquals(List.of("PatronCreated", "PatronUpdated"), events.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void overdueNoticesNameTheHomeroomTeacherOnScreenAndOnThePrintedPages() throws Exception {
        School school = School.create();
        String users = school.user("t-1", "teacher", "Dana", "Whitfield", "")
                + school.user("s-1", "student", "Kai", "Garcia", "03");
        String classes = school.homeroom("hr-1", "Grade 3 - Room 5", "active");
        String enrollments = school.enrollment("e-t", "hr-1", "t-1", "teacher", true, "active")
                + school.enrollment("e-1", "hr-1", "s-1", "student", false, "active");
        assertEquals("FINISHED", importAndWait(zip(files(manifest("delta", "delta", "delta"), school, users, classes,
                enrollments))).getString("status"));

        String token = TestTokens.siteStaff(school.code());
        CopySnapshot copy = Fixtures.addCopy(school.code(), Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", school.code(), "patronBarcode", school.barcode("s-1"), "itemBarcode",
                        copy.barcode()))
                .when().post("/api/v1/checkouts").then().statusCode(201).extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = now() - interval '2 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
        sweeper.sweep(Instant.now());

        given().auth().oauth2(token).queryParam("site", school.code()).queryParam("pending", true)
                .when().get("/api/v1/notices").then().statusCode(200).body("", hasSize(1))
                .body("[0].homeroom", equalTo("Grade 3 - Room 5"))
                .body("[0].homeroomTeacher", equalTo("Dana Whitfield"));
        byte[] pdf = given().auth().oauth2(token).queryParam("site", school.code())
                .when().post("/api/v1/notices/print").then().statusCode(200).extract().asByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(text.contains("Homeroom: Grade 3 - Room 5 - Teacher: Dana Whitfield"), text);
        assertTrue(text.contains("Kai Garcia"), text);
    }

    private static String homeroom(EventEnvelope event) {
        return "PatronCreated".equals(event.type())
                ? EventJson.payload(event, PatronCreated.class).patron().homeroom()
                : EventJson.payload(event, PatronUpdated.class).patron().homeroom();
    }
}
