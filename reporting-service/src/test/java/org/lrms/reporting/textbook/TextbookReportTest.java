package org.lrms.reporting.textbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.events.textbook.TextbookAdoptionUpserted;
import org.lrms.events.textbook.TextbookDistribution;
import org.lrms.events.textbook.TextbookStockCounted;
import org.lrms.reporting.report.Downloads;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.events.textbook.TextbookAdoptionUpserted.ACTIVE;
import static org.lrms.events.textbook.TextbookAdoptionUpserted.ENDED;
import static org.lrms.reporting.TestEvents.awaitRecord;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;
import static org.lrms.reporting.textbook.TextbookFixtures.adoption;
import static org.lrms.reporting.textbook.TextbookFixtures.distributed;
import static org.lrms.reporting.textbook.TextbookFixtures.distribution;
import static org.lrms.reporting.textbook.TextbookFixtures.enrollment;
import static org.lrms.reporting.textbook.TextbookFixtures.lost;
import static org.lrms.reporting.textbook.TextbookFixtures.returned;
import static org.lrms.reporting.textbook.TextbookFixtures.rosterClass;
import static org.lrms.reporting.textbook.TextbookFixtures.stock;
import static org.lrms.reporting.textbook.TextbookFixtures.student;

/** The textbook service's events and the roster, published to Kafka, give the textbooks report's numbers. */
@QuarkusTest
class TextbookReportTest {

    private static final String YEAR = "&from=2026-07-01&to=2027-06-30";

    @Test
    void sufficiencyPerSiteAndCourseAndDistributionsPerSiteAndTitle() throws Exception {
        String a = newSite();
        String b = a + "B"; // after a in the report's order
        site(a);
        site(b);
        String alg = "ALG" + a;
        String bio = "BIO" + a;
        UUID algebra = UUID.randomUUID();
        UUID workbook = UUID.randomUUID();
        UUID biology = UUID.randomUUID();
        UUID oldBiology = UUID.randomUUID();
        String a1 = "cls-" + UUID.randomUUID();
        String a2 = "cls-" + UUID.randomUUID();
        String a3 = "cls-" + UUID.randomUUID();
        String a4 = "cls-" + UUID.randomUUID();
        String b1 = "cls-" + UUID.randomUUID();
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID();
        // enrollments before their classes (another key, maybe another partition)
        student(a1, a, s1);
        student(a1, a, s2);
        student(a1, a, s3);
        student(a2, a, s3); // the same student in a second section of the course counts once
        student(a2, a, UUID.randomUUID());
        enrollment(a1, a, UUID.randomUUID(), "teacher", "active", null);
        student(a3, a, UUID.randomUUID()); // a class no longer active
        enrollment(a1, a, UUID.randomUUID(), "student", "tobedeleted", null);
        enrollment(a1, a, UUID.randomUUID(), "student", "inactive", LocalDate.of(2026, 1, 31)); // left
        student(a4, a, s1);
        student(a4, a, s2);
        student(b1, b, UUID.randomUUID());
        student(b1, b, UUID.randomUUID());
        rosterClass(a1, a, alg, "active");
        rosterClass(a2, a, alg, "active");
        rosterClass(a3, a, alg, "tobedeleted");
        rosterClass(a4, a, bio, "active");
        rosterClass(b1, b, alg, "active");

        UUID districtAlgebra = UUID.randomUUID();
        adoption(districtAlgebra, alg, null, algebra, "Algebra 1", 2, ACTIVE);
        adoption(districtAlgebra, alg, null, algebra, "Algebra 1", 1, ACTIVE); // the latest is the adoption
        TextbookAdoptionUpserted districtWorkbook = adoption(UUID.randomUUID(), alg, null, workbook,
                "Algebra 1 Workbook", 1, ACTIVE);
        send(Topics.TEXTBOOK_ADOPTIONS, null, districtWorkbook.adoptionId(), districtWorkbook); // published again
        adoption(UUID.randomUUID(), alg, b, algebra, "Algebra 1", 1, ENDED); // b opts out of the district's
        adoption(UUID.randomUUID(), bio, a, biology, "Biology", 2, ACTIVE);
        adoption(UUID.randomUUID(), bio, null, oldBiology, "Biology (old edition)", 1, ENDED);

        stock(a, algebra, "Algebra 1", 5, 1, 2, 1, 1, "2026-09-10T15:00:00Z");
        stock(a, algebra, "Algebra 1", 50, 50, 0, 0, 0, "2026-09-01T15:00:00Z"); // older: changes nothing
        stock(a, biology, "Biology", 10, 6, 0, 0, 0, "2026-09-10T15:00:00Z");
        stock(b, workbook, "Algebra 1 Workbook", 2, 0, 2, 0, 0, "2026-09-10T15:00:00Z");

        TextbookDistribution d1 = distribution(a, algebra, "Algebra 1", alg, "2026-08-20T16:00:00Z");
        EventEnvelope d1Event = distributed(d1);
        send(Topics.TEXTBOOK_DISTRIBUTIONS, d1Event); // the same event twice counts once
        TextbookDistribution d2 = distribution(a, algebra, "Algebra 1", alg, "2026-08-20T16:00:00Z");
        distributed(d2);
        returned(d2, "2026-12-15T18:00:00Z");
        distributed(distribution(a, algebra, "Algebra 1", alg, "2026-05-01T16:00:00Z")); // before the period
        TextbookDistribution d4 = distribution(a, algebra, "Algebra 1", alg, "2026-08-21T16:00:00Z");
        distributed(d4);
        lost(d4, "2027-02-01T18:00:00Z");
        TextbookDistribution d5 = distribution(a, algebra, "Algebra 1", alg, "2025-09-01T16:00:00Z");
        distributed(d5);
        lost(d5, "2026-03-01T18:00:00Z"); // lost before the period, still lost
        TextbookDistribution d6 = distribution(a, algebra, "Algebra 1", alg, "2026-08-21T16:00:00Z");
        lost(d6, "2026-11-01T18:00:00Z"); // its distribution event comes later: the loss alone makes the row
        distributed(d6);
        returned(d6, "2027-01-10T18:00:00Z"); // found: no longer lost
        distributed(distribution(b, workbook, "Algebra 1 Workbook", alg, "2026-09-02T16:00:00Z"));

        String query = "/api/v1/reports/textbooks?site=" + a + "," + b + YEAR;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> report(query)
                .body("totals.courses", equalTo(4))
                .body("totals.copiesNeeded", equalTo(14))
                .body("totals.distributed", equalTo(5))
                .body("totals.returned", equalTo(2))
                .body("totals.lost", equalTo(2))
                .body("totals.outstanding", equalTo(3))
                .body("totals.lostTotal", equalTo(2))
                .body("sufficiency[0].enrolledStudents", equalTo(4))
                .body("sufficiency[0].copiesHeld", equalTo(5))
                .body("sufficiency[2].enrolledStudents", equalTo(2))
                .body("sufficiency[2].copiesHeld", equalTo(10))
                .body("sufficiency[3].copiesHeld", equalTo(2)));
        report(query)
                .body("totals.sufficientCourses", equalTo(2))
                .body("totals.shortfall", equalTo(5))
                .body("sufficiency", hasSize(4))
                // a: the district's Algebra 1 for its 4 students, one copy each
                .body("sufficiency[0].site", equalTo(a))
                .body("sufficiency[0].courseCode", equalTo(alg))
                .body("sufficiency[0].courseTitle", equalTo("Course " + alg))
                .body("sufficiency[0].textbookTitleId", equalTo(algebra.toString()))
                .body("sufficiency[0].adoptedBy", equalTo("DISTRICT"))
                .body("sufficiency[0].copiesPerStudent", equalTo(1))
                .body("sufficiency[0].copiesNeeded", equalTo(4))
                .body("sufficiency[0].copiesAvailable", equalTo(1))
                .body("sufficiency[0].copiesDistributed", equalTo(2))
                .body("sufficiency[0].shortfall", equalTo(1))
                .body("sufficiency[0].sufficient", equalTo(false))
                // a: the workbook, never counted at a
                .body("sufficiency[1].title", equalTo("Algebra 1 Workbook"))
                .body("sufficiency[1].copiesNeeded", equalTo(4))
                .body("sufficiency[1].copiesHeld", equalTo(0))
                .body("sufficiency[1].shortfall", equalTo(4))
                // a: its own Biology adoption, two copies per student
                .body("sufficiency[2].courseCode", equalTo(bio))
                .body("sufficiency[2].adoptedBy", equalTo("SITE"))
                .body("sufficiency[2].copiesNeeded", equalTo(4))
                .body("sufficiency[2].shortfall", equalTo(0))
                .body("sufficiency[2].sufficient", equalTo(true))
                // b: the workbook only (b ended the district's Algebra 1 for itself)
                .body("sufficiency[3].site", equalTo(b))
                .body("sufficiency[3].title", equalTo("Algebra 1 Workbook"))
                .body("sufficiency[3].enrolledStudents", equalTo(2))
                .body("sufficiency[3].copiesNeeded", equalTo(2))
                .body("sufficiency[3].sufficient", equalTo(true))
                .body("titles", hasSize(4))
                .body("titles[0].site", equalTo(a))
                .body("titles[0].title", equalTo("Algebra 1"))
                .body("titles[0].copiesHeld", equalTo(5))
                .body("titles[0].copiesDamaged", equalTo(1))
                .body("titles[0].countedAt", equalTo("2026-09-10T15:00:00Z"))
                .body("titles[0].copiesNeeded", equalTo(4))
                .body("titles[0].shortfall", equalTo(1))
                .body("titles[0].distributed", equalTo(4))
                .body("titles[0].returned", equalTo(2))
                .body("titles[0].lost", equalTo(2))
                .body("titles[0].outstanding", equalTo(2))
                .body("titles[0].lostTotal", equalTo(2))
                .body("titles[1].title", equalTo("Algebra 1 Workbook"))
                .body("titles[1].shortfall", equalTo(4))
                .body("titles[2].title", equalTo("Biology"))
                .body("titles[2].copiesNeeded", equalTo(4))
                .body("titles[2].distributed", equalTo(0))
                .body("titles[3].site", equalTo(b))
                .body("titles[3].distributed", equalTo(1))
                .body("titles[3].outstanding", equalTo(1))
                .body("freshness.topics.topic", equalTo(List.of(Topics.CIRCULATION_ROSTER,
                        Topics.TEXTBOOK_ADOPTIONS, Topics.TEXTBOOK_DISTRIBUTIONS, Topics.TEXTBOOK_STOCK)));
        // the period is the day in the district's time zone: one distribution and one return on these days
        report("/api/v1/reports/textbooks?site=" + a + "&from=2026-08-20&to=2026-08-20")
                .body("titles[0].distributed", equalTo(2))
                .body("titles[0].returned", equalTo(0))
                .body("titles[0].outstanding", equalTo(2));

        // site staff of b see b only; the CSV, XLSX and PDF downloads say the same
        String staff = TestTokens.siteStaff(b);
        given().auth().oauth2(staff).when().get("/api/v1/reports/textbooks?" + YEAR.substring(1))
                .then().statusCode(200).body("scope", equalTo(b)).body("sufficiency", hasSize(1))
                .body("titles", hasSize(1));
        String csv = given().auth().oauth2(TestTokens.siteStaff(a))
                .when().get("/api/v1/reports/textbooks?format=csv&site=" + a + YEAR)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("textbooks-" + a + ".csv"))
                .extract().body().asString();
        assertTrue(csv.contains(a + "," + alg + ",Course " + alg + ",Algebra 1,978" + algebra.toString()
                .substring(0, 5) + ",DISTRICT,4,1,4,5,1,2,1,no"), csv);
        assertTrue(csv.contains(a + ",Algebra 1,978" + algebra.toString().substring(0, 5) + ",5,1,1,4,1,no,4,2,2,2,2"),
                csv);
        byte[] xlsx = given().auth().oauth2(TestTokens.districtAdmin()).accept(Downloads.XLSX)
                .when().get(query).then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(5.0, book.getSheet("Totals").getRow(1).getCell(3).getNumericCellValue());
            assertEquals(4.0, book.getSheet("Sufficiency by course").getRow(1).getCell(8).getNumericCellValue());
        }
        byte[] pdf = given().auth().oauth2(TestTokens.districtAdmin())
                .when().get(query + "&format=pdf").then().statusCode(200).contentType(Downloads.PDF)
                .extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void aClassMovedToAnotherCourseAndAnEnrollmentEndedAreCountedAgain() {
        String site = newSite();
        site(site);
        String geometry = "GEO" + site;
        String algebra = "ALG" + site;
        adoption(UUID.randomUUID(), geometry, site, UUID.randomUUID(), "Geometry", 1, ACTIVE);
        adoption(UUID.randomUUID(), algebra, site, UUID.randomUUID(), "Algebra 1", 1, ACTIVE);
        String section = "cls-" + UUID.randomUUID();
        rosterClass(section, site, geometry, "active");
        String leaving = "enr-" + UUID.randomUUID();
        UUID student = UUID.randomUUID();
        enrollment(leaving, section, site, student, "student", "active", null);
        student(section, site, UUID.randomUUID());
        String query = "/api/v1/reports/textbooks?site=" + site + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("sufficiency.find { it.courseCode == '" + geometry + "' }.enrolledStudents", equalTo(2)));

        rosterClass(section, site, algebra, "active"); // the section now teaches algebra
        enrollment(leaving, section, site, student, "student", "tobedeleted", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("sufficiency.find { it.courseCode == '" + algebra + "' }.enrolledStudents", equalTo(1))
                .body("sufficiency.find { it.courseCode == '" + geometry + "' }.enrolledStudents", equalTo(0))
                .body("totals.copiesNeeded", equalTo(1)));
    }

    @Test
    void unreadableTextbookAndRosterEventsGoToTheDeadLetterTopicWithTheirReason() {
        String site = newSite();
        String key = "garbage-" + UUID.randomUUID();
        sendRaw(Topics.TEXTBOOK_DISTRIBUTIONS, key, "{\"not\": \"an envelope\"");
        ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.TEXTBOOK_DISTRIBUTIONS),
                r -> key.equals(r.key()));
        assertEquals("{\"not\": \"an envelope\"", dead.value());
        assertTrue(reason(dead).contains("not an LRMS event envelope"), reason(dead));

        UUID titleId = UUID.randomUUID();
        TextbookAdoptionUpserted none = new TextbookAdoptionUpserted(UUID.randomUUID(), "ALG" + site, site, titleId,
                null, "Algebra 1", 0, ACTIVE, null, null);
        EventEnvelope noCopies = send(Topics.TEXTBOOK_ADOPTIONS, site, none.adoptionId(), none);
        assertTrue(reason(awaitRecord(Topics.deadLetter(Topics.TEXTBOOK_ADOPTIONS),
                r -> r.value().contains(noCopies.eventId().toString()))).contains("copiesPerStudent 0"));

        EventEnvelope uncounted = EventJson.envelope("test", site, TextbookStockCounted.key(site, titleId),
                new TextbookStockCounted(site, titleId, null, "Algebra 1", 3, 3, 0, 0, 0, Instant.now()));
        ((ObjectNode) uncounted.payload()).putNull("countedAt");
        send(Topics.TEXTBOOK_STOCK, uncounted);
        assertTrue(reason(awaitRecord(Topics.deadLetter(Topics.TEXTBOOK_STOCK),
                r -> r.value().contains(uncounted.eventId().toString()))).contains("has no countedAt"));

        EventEnvelope nobody = send(Topics.CIRCULATION_ROSTER, site, "enr-x", new RosterEnrollmentUpserted("enr-x",
                "cls-x", site, null, "user-x", "student", false, null, null, "active"));
        assertTrue(reason(awaitRecord(Topics.deadLetter(Topics.CIRCULATION_ROSTER),
                r -> r.value().contains(nobody.eventId().toString()))).contains("has no patronId"));

        // ingestion goes on: a good distribution after them is counted
        distributed(distribution(site, titleId, "Algebra 1", null, "2026-09-01T16:00:00Z"));
        String query = "/api/v1/reports/textbooks?site=" + site + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.distributed", equalTo(1)));
        report(query).body("sufficiency", hasSize(0)).body("titles[0].copiesHeld", equalTo(0));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(
                "/api/v1/reports/textbooks?site=" + a + "," + b));
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).when().get("/api/v1/reports/textbooks?from=2027-06-30&to=2026-08-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/textbooks?from=2024-07-01&to=2027-06-30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to")).body("detail", containsString("731"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/textbooks?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/textbooks?site=NOSUCHSITE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("site"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/textbooks?format=docx")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/textbooks?site=" + b)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/textbooks?site=" + a + "," + b)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/reports/textbooks").then().statusCode(401);
        given().auth().oauth2(TestTokens.teacher(a)).when().get("/api/v1/reports/textbooks?site=" + a)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.student(a)).when().get("/api/v1/reports/textbooks?site=" + a)
                .then().statusCode(403);
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    static ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }
}
