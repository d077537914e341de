package org.lrms.circulation.roster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.events.circulation.PatronSnapshot;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.circulation.roster.RosterImportTest.importAndWait;
import static org.lrms.circulation.roster.RosterImportTest.zip;

/**
 * Users whose roster rows changed since the last import: written in the batch's JDBC batch of updates, each
 * announced once, in the batch's transaction; users listed unchanged are neither written nor announced.
 */
@QuarkusTest
class RosterChangedUsersTest {

    private static final String ORGS_HEADER = "sourcedId,status,dateLastModified,name,type,identifier,"
            + "parentSourcedId\n";
    private static final String USERS_HEADER = "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,"
            + "username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
            + "password\n";
    private static final String CLASSES_HEADER = "sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
            + "classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n";
    private static final String ENROLLMENTS_HEADER = "sourcedId,status,dateLastModified,classSourcedId,"
            + "schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n";

    /** One row of users.csv; the identifier is the patron's barcode and SIS id. */
    record User(String sourcedId, String status, String org, String givenName, String familyName, String barcode,
                String grade) {
        static User student(String org, String givenName, String familyName) {
            return new User(Fixtures.unique("s-"), "active", org, givenName, familyName, Fixtures.unique("9"), "7");
        }

        User status(String value) {
            return new User(sourcedId, value, org, givenName, familyName, barcode, grade);
        }

        User org(String value) {
            return new User(sourcedId, status, value, givenName, familyName, barcode, grade);
        }

        User familyName(String value) {
            return new User(sourcedId, status, org, givenName, value, barcode, grade);
        }

        User grade(String value) {
            return new User(sourcedId, status, org, givenName, familyName, barcode, value);
        }

        String row() {
            return sourcedId + "," + status + ",2026-08-01T00:00:00Z,true," + org + ",student,u" + barcode + ",,"
                    + givenName + "," + familyName + ",," + barcode + ",,,,," + (grade.length() == 1 ? "0" : "")
                    + grade + ",\n";
        }
    }

    private static String manifest(String users) {
        return "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\nfile.users,"
                + users + "\nfile.classes,bulk\nfile.enrollments,delta\n";
    }

    private static String orgs(String... schoolsAndCodes) {
        StringBuilder csv = new StringBuilder(ORGS_HEADER);
        for (int i = 0; i < schoolsAndCodes.length; i += 2) {
            csv.append(schoolsAndCodes[i]).append(",active,2026-08-01T00:00:00Z,Test Middle School ")
                    .append(schoolsAndCodes[i + 1]).append(",school,").append(schoolsAndCodes[i + 1]).append(",\n");
        }
        return csv.toString();
    }

    private static String users(List<User> users) {
        return USERS_HEADER + users.stream().map(User::row).collect(Collectors.joining());
    }

    private static JsonPath patron(User user) {
        return given().auth().oauth2(TestTokens.districtAdmin()).queryParam("barcode", user.barcode())
                .when().get("/api/v1/patrons").then().statusCode(200).extract().jsonPath();
    }

    private static String id(User user) {
        return patron(user).getString("[0].id");
    }

    private static long version(String patronId) {
        return Fixtures.count("SELECT version FROM patron WHERE id = ?", UUID.fromString(patronId));
    }

    private static PatronSnapshot snapshot(EventEnvelope event) {
        return switch (event.type()) {
            case "PatronCreated" -> EventJson.payload(event, PatronCreated.class).patron();
            case "PatronUpdated" -> EventJson.payload(event, PatronUpdated.class).patron();
            case "PatronDeactivated" -> EventJson.payload(event, PatronDeactivated.class).patron();
            default -> throw new AssertionError("not a patron event: " + event.type());
        };
    }

    /**
     * The patron events of these patrons, read once from the real topic, up to each one's event with {@code grade}
     * (a later import's change, after the import under test's events on the same key and partition: so an event
     * the import under test should not have published would show up before it).
     */
    private static Map<String, List<EventEnvelope>> eventsUpTo(Set<String> patronIds, String grade) {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(Topics.CIRCULATION_PATRONS,
                r -> patronIds.contains(r.key()), seen -> patronIds.stream().allMatch(id -> seen.stream()
                        .anyMatch(r -> r.key().equals(id)
                                && grade.equals(snapshot(EventJson.read(r.value())).grade()))));
        Map<String, List<EventEnvelope>> byPatron = new HashMap<>();
        records.forEach(r -> byPatron.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(EventJson.read(r.value())));
        return byPatron;
    }

    private static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }

    @Test
    void aSecondImportWritesAndAnnouncesExactlyTheUsersWhoseRowsChanged() {
        String codeA = Fixtures.newSite().replace("S", "C");
        String codeB = Fixtures.newSite().replace("S", "D");
        String orgA = "sch-" + codeA;
        String orgB = "sch-" + codeB;
        User same = User.student(orgA, "Uma", "Ray");
        User renamed = User.student(orgA, "Ben", "Ortiz");
        User regraded = User.student(orgA, "Iris", "Chen");
        User moved = User.student(orgA, "Omar", "Singh");
        User leaving = User.student(orgA, "Lena", "Kim");
        User returning = User.student(orgA, "Hugo", "Tran").status("tobedeleted");
        User gone = User.student(orgA, "Zoe", "Lee");
        List<User> first = List.of(same, renamed, regraded, moved, leaving, returning, gone);
        JsonPath imported = importAndWait(zip(Map.of("manifest.csv", manifest("bulk"),
                "orgs.csv", orgs(orgA, codeA, orgB, codeB), "users.csv", users(first))));
        assertEquals("FINISHED", imported.getString("status"));
        assertEquals(0, imported.getInt("errorCount"), () -> imported.getList("errors").toString());
        assertEquals(7, imported.getInt("usersApplied"));
        Map<User, String> ids = new LinkedHashMap<>();
        first.forEach(u -> ids.put(u, id(u)));
        assertEquals("INACTIVE", patron(returning).getString("[0].status"));

        // the library's own fields are not the roster's: a homeroom staff enter stays through the roster's changes
        given().auth().oauth2(TestTokens.siteStaff(codeA)).contentType(ContentType.JSON)
                .body(Map.of("barcode", regraded.barcode(), "sisId", regraded.barcode(), "firstName", "Iris",
                        "lastName", "Chen", "patronType", "STUDENT", "homeSite", codeA, "grade", "7",
                        "homeroom", "Room 7"))
                .when().put("/api/v1/patrons/" + ids.get(regraded)).then().statusCode(200);
        Map<User, Long> versions = new HashMap<>();
        ids.forEach((u, id) -> versions.put(u, version(id)));

        JsonPath second = importAndWait(zip(Map.of("manifest.csv", manifest("bulk"),
                "orgs.csv", orgs(orgA, codeA, orgB, codeB),
                "users.csv", users(List.of(same, renamed.familyName("Ortiz-Ray"), regraded.grade("8"),
                        moved.org(orgB), leaving.status("tobedeleted"), returning.status("active"))))));
        assertEquals("FINISHED", second.getString("status"));
        assertEquals(0, second.getInt("errorCount"), () -> second.getList("errors").toString());
        assertEquals(6, second.getInt("usersApplied"));
        assertEquals(1, second.getInt("usersDeactivated"), "Zoe, whom the full export no longer lists");

        // written: exactly the six whose rows changed or who left (one version each); the unchanged one not at all
        assertEquals(versions.get(same), version(ids.get(same)), "an unchanged user is not written");
        for (User changed : List.of(renamed, regraded, moved, leaving, returning, gone)) {
            assertEquals(versions.get(changed) + 1, version(ids.get(changed)), changed.givenName());
        }
        assertEquals("Ortiz-Ray", patron(renamed).getString("[0].lastName"));
        JsonPath regradedNow = patron(regraded);
        assertEquals("8", regradedNow.getString("[0].grade"));
        assertEquals("Room 7", regradedNow.getString("[0].homeroom"));
        assertEquals(codeB, patron(moved).getString("[0].homeSite"));
        assertEquals("INACTIVE", patron(leaving).getString("[0].status"));
        assertEquals("ACTIVE", patron(returning).getString("[0].status"));
        assertEquals("INACTIVE", patron(gone).getString("[0].status"));
        JsonPath sameNow = patron(same);
        assertEquals("ACTIVE", sameNow.getString("[0].status"));
        assertEquals("Ray", sameNow.getString("[0].lastName"));
        assertEquals("7", sameNow.getString("[0].grade"));

        // a third import moves everyone to grade 12: on each key, what the second import published comes before it
        importAndWait(zip(Map.of("manifest.csv", manifest("delta"), "orgs.csv", orgs(orgA, codeA, orgB, codeB),
                "users.csv", users(Stream.of(same, renamed.familyName("Ortiz-Ray"), regraded, moved.org(orgB),
                        leaving, returning.status("active"), gone).map(u -> u.grade("12")).toList()))));
        Map<String, List<EventEnvelope>> events = eventsUpTo(Set.copyOf(ids.values()), "12");

        assertEquals(List.of("PatronCreated", "PatronUpdated"), types(events.get(ids.get(same))),
                "nothing for the unchanged user");
        List<EventEnvelope> renamedEvents = events.get(ids.get(renamed));
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated"), types(renamedEvents));
        assertEquals("Ortiz-Ray", snapshot(renamedEvents.get(1)).lastName());
        List<EventEnvelope> regradedEvents = events.get(ids.get(regraded));
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated", "PatronUpdated"),
                types(regradedEvents), "created, the staff's homeroom, the roster's grade, the third import");
        assertEquals("8", snapshot(regradedEvents.get(2)).grade());
        assertEquals("Room 7", snapshot(regradedEvents.get(2)).homeroom());
        List<EventEnvelope> movedEvents = events.get(ids.get(moved));
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated"), types(movedEvents));
        assertEquals(codeB, snapshot(movedEvents.get(1)).homeSite());
        assertEquals(codeB, movedEvents.get(1).siteCode());
        List<EventEnvelope> leavingEvents = events.get(ids.get(leaving));
        assertEquals(List.of("PatronCreated", "PatronDeactivated", "PatronUpdated"), types(leavingEvents));
        assertEquals("INACTIVE", snapshot(leavingEvents.get(1)).status());
        List<EventEnvelope> returningEvents = events.get(ids.get(returning));
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated"), types(returningEvents));
        assertEquals("INACTIVE", snapshot(returningEvents.get(0)).status());
        assertEquals("ACTIVE", snapshot(returningEvents.get(1)).status());
        List<EventEnvelope> goneEvents = events.get(ids.get(gone));
        assertEquals(List.of("PatronCreated", "PatronDeactivated", "PatronUpdated"), types(goneEvents));
        assertEquals("missing from the full roster export",
                EventJson.payload(goneEvents.get(1), PatronDeactivated.class).reason());
        assertEquals("INACTIVE", snapshot(goneEvents.get(1)).status());
    }

    @Test
    void aChangedUserWithErrorRowsElsewhereIsUpdatedOnceAndEachErrorIsReported() {
        String code = Fixtures.newSite().replace("S", "E");
        String org = "sch-" + code;
        User kai = User.student(org, "Kai", "Ng");
        User mia = User.student(org, "Mia", "Soto");
        String classes = CLASSES_HEADER + "cls-" + code + ",active,2026-08-01T00:00:00Z,Math 7,07,,M7,scheduled,"
                + "Room 3," + org + ",,Mathematics,MTH,1\n";
        String enrollment = "enr-" + code + ",active,2026-08-01T00:00:00Z,cls-" + code + "," + org + ","
                + kai.sourcedId() + ",student,false,";
        JsonPath first = importAndWait(zip(Map.of("manifest.csv", manifest("delta"), "orgs.csv", orgs(org, code),
                "users.csv", users(List.of(kai, mia)), "classes.csv", classes,
                "enrollments.csv", ENROLLMENTS_HEADER + enrollment + "2026-08-12,2027-06-10\n")));
        assertEquals(0, first.getInt("errorCount"), () -> first.getList("errors").toString());
        String kaiId = id(kai);
        String miaId = id(mia);
        long kaiVersion = version(kaiId);
        long miaVersion = version(miaId);

        // Kai changes in the first batch of 500 rows, Mia in the second, after them Kai's row again and a bad org
        List<User> rows = new ArrayList<>();
        rows.add(kai.grade("8"));
        String fillers = Fixtures.unique("f-");
        for (int n = 0; n < 499; n++) {
            rows.add(new User(fillers + "-" + n, "active", org, "Sam", "Filler", fillers.substring(2) + n, "6"));
        }
        rows.add(mia.familyName("Soto-Ruiz"));
        rows.add(kai.grade("9"));
        rows.add(User.student("sch-nowhere", "Ana", "Nobody"));
        JsonPath second = importAndWait(zip(Map.of("manifest.csv", manifest("delta"), "orgs.csv", orgs(org, code),
                "users.csv", users(rows), "classes.csv", classes,
                "enrollments.csv", ENROLLMENTS_HEADER + enrollment + "2026-13-45,2027-06-10\n")));
        assertEquals("FINISHED", second.getString("status"));
        Map<String, String> byLine = new LinkedHashMap<>();
        second.<Map<String, Object>>getList("errors")
                .forEach(e -> byLine.put(e.get("file") + ":" + e.get("line"), (String) e.get("reason")));
        assertEquals(Set.of("users.csv:503", "users.csv:504", "enrollments.csv:2"), byLine.keySet(),
                byLine::toString);
        assertEquals("duplicate sourcedId " + kai.sourcedId(), byLine.get("users.csv:503"));
        assertTrue(byLine.get("users.csv:504").startsWith("unknown org"), byLine::toString);
        assertTrue(byLine.get("enrollments.csv:2").contains("not a date"), byLine::toString);
        assertEquals(3, second.getInt("errorCount"));
        assertEquals(503, second.getInt("usersRead"));
        assertEquals(501, second.getInt("usersApplied"), "Kai, the fillers and Mia");
        assertEquals(0, second.getInt("enrollmentsApplied"));

        assertEquals("8", patron(kai).getString("[0].grade"), "the first of Kai's rows applies");
        assertEquals("Soto-Ruiz", patron(mia).getString("[0].lastName"));
        assertEquals(kaiVersion + 1, version(kaiId));
        assertEquals(miaVersion + 1, version(miaId));

        importAndWait(zip(Map.of("manifest.csv", manifest("delta"), "orgs.csv", orgs(org, code),
                "users.csv", users(List.of(kai.grade("12"), mia.familyName("Soto-Ruiz").grade("12"))))));
        Map<String, List<EventEnvelope>> events = eventsUpTo(Set.of(kaiId, miaId), "12");
        List<EventEnvelope> kaiEvents = events.get(kaiId);
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated"), types(kaiEvents));
        assertEquals("8", snapshot(kaiEvents.get(1)).grade());
        List<EventEnvelope> miaEvents = events.get(miaId);
        assertEquals(List.of("PatronCreated", "PatronUpdated", "PatronUpdated"), types(miaEvents));
        assertEquals("Soto-Ruiz", snapshot(miaEvents.get(1)).lastName());
    }

    @Test
    void aPatronEnteredByHandIsAdoptedByTheRosterThroughTheBatchOfUpdates() {
        String code = Fixtures.newSite();
        String org = "sch-" + code;
        String barcode = Fixtures.unique("9");
        String id = Fixtures.newPatron(code, barcode, "STUDENT", "6"); // Ana Lopez, homeroom Room 12, Spanish
        long version = version(id);
        User kai = new User(Fixtures.unique("s-"), "active", org, "Kai", "Ng", barcode, "7");

        JsonPath imported = importAndWait(zip(Map.of("manifest.csv", manifest("delta"), "orgs.csv", orgs(org, code),
                "users.csv", users(List.of(kai)))));
        assertEquals("FINISHED", imported.getString("status"));
        assertEquals(0, imported.getInt("errorCount"), () -> imported.getList("errors").toString());
        assertEquals(1, imported.getInt("usersApplied"));

        JsonPath now = patron(kai);
        assertEquals(List.of(id), now.getList("id"), "the patron staff entered, not a second one");
        assertEquals("Kai", now.getString("[0].firstName"));
        assertEquals("7", now.getString("[0].grade"));
        assertEquals("Room 12", now.getString("[0].homeroom"));
        assertEquals("es", now.getString("[0].language"));
        assertEquals(version + 1, version(id));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM patron WHERE id = ? AND sourced_id = '"
                + kai.sourcedId() + "' AND last_import_id IS NOT NULL", UUID.fromString(id)));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, id, seen -> seen.size() >= 2);
        assertEquals(List.of("PatronCreated", "PatronUpdated"), types(events));
        PatronSnapshot adopted = snapshot(events.get(1));
        assertEquals(kai.sourcedId(), adopted.sourcedId());
        assertEquals("Ng", adopted.lastName());
        assertEquals("Room 12", adopted.homeroom());
    }
}
