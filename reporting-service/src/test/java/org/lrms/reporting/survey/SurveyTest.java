package org.lrms.reporting.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.lrms.reporting.Fixtures.copy;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.patron;
import static org.lrms.reporting.Fixtures.receipt;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.site;

@QuarkusTest
class SurveyTest {

    private static final String ENTRY = """
            {"weeklyOpenHours": 37.5, "openBeforeSchool": true, "openAfterSchool": false,
             "teacherLibrarianFte": 1.0, "classifiedStaffFte": 0.5, "weeklyVolunteerHours": 4}
            """;

    @Test
    void surveyItemsForOneSiteAndYearWithTheHoursAndStaffingTheSiteEntered() {
        String site = newSite();
        site(site);
        for (int i = 0; i < 2; i++) {
            String key = "pk-" + UUID.randomUUID();
            send(Topics.CIRCULATION_PATRONS, site, key, new PatronCreated(patron(key, "STUDENT", site, "5", "R5",
                    "ACTIVE")));
        }
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        UUID c4 = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, site, c1, new CopyAdded(copy(c1, UUID.randomUUID(), site, "BOOK", "599", 1990,
                "10.00", LocalDate.of(2015, 5, 1))));
        send(Topics.CATALOG_COPIES, site, c2, new CopyAdded(copy(c2, UUID.randomUUID(), site, "BOOK", "523", 2010,
                "10.00", LocalDate.of(2026, 9, 1))));
        send(Topics.CATALOG_COPIES, site, c3, new CopyAdded(copy(c3, UUID.randomUUID(), site, "BOOK", "FIC", 2020,
                "10.00", LocalDate.of(2026, 9, 2))));
        send(Topics.CATALOG_COPIES, site, c4, new CopyAdded(copy(c4, UUID.randomUUID(), site, "DVD", "599", 2024,
                "10.00", LocalDate.of(2026, 9, 3))));
        var l = loan(UUID.randomUUID(), UUID.randomUUID(), site, "pk-s", "STUDENT", "5", "BOOK", "599",
                Instant.parse("2026-10-01T17:00:00Z"));
        send(Topics.CIRCULATION_LOANS, site, l.loanId(), new LoanCreated(l, null));
        // library materials spending: LIBRARY lines received in the school year; textbook lines are not counted
        receive(site, receipt(site, "LIBRARY", "LIB", "Follett", "BOOK", 2, "15.25", "USD",
                LocalDate.of(2026, 9, 4)));
        receive(site, receipt(site, "LIBRARY", "GRANT", "Mackin", "DVD", 1, "9.99", "USD", LocalDate.of(2027, 6, 30)));
        receive(site, receipt(site, "TEXTBOOK", "TXT", "Pearson", "BOOK", 30, "80.00", "USD",
                LocalDate.of(2026, 9, 4)));
        receive(site, receipt(site, "LIBRARY", "LIB", "Follett", "BOOK", 4, "5.00", "USD",
                LocalDate.of(2026, 6, 30)));

        String staff = TestTokens.siteStaff(site);
        String query = "/api/v1/reports/survey?site=" + site + "&year=2026&sections=500,FIC";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff).when().get(query)
                .then().statusCode(200).body("copies", equalTo(4)).body("checkouts", equalTo(1))
                .body("enrolment", equalTo(2)).body("spending", equalTo(40.49f)));
        given().auth().oauth2(staff).when().get(query).then().statusCode(200)
                .body("schoolYear", equalTo("2026-27"))
                .body("siteName", equalTo("Test school " + site))
                .body("books", equalTo(3))
                .body("booksPerStudent", equalTo(1.5f))
                .body("averageCopyrightYear", equalTo(2006.7f))
                .body("newBooks", equalTo(2))
                .body("newBooksPerStudent", equalTo(1.0f))
                .body("sections[0].deweyClass", equalTo("500"))
                .body("sections[0].books", equalTo(2))
                .body("sections[0].averageCopyrightYear", equalTo(2000.0f))
                .body("sections[1].deweyClass", equalTo("FIC"))
                .body("spendingCurrency", equalTo("USD"))
                .body("spendingByCurrency[0].amount", equalTo(40.49f))
                .body("freshness.topics.topic", hasItem(Topics.ACQUISITIONS_RECEIPTS))
                .body("siteEntry", nullValue());

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(ENTRY)
                .when().put("/api/v1/reports/survey/" + site + "/2026")
                .then().statusCode(200).body("weeklyOpenHours", equalTo(37.5f));
        given().auth().oauth2(staff).when().get(query).then().statusCode(200)
                .body("siteEntry.weeklyOpenHours", equalTo(37.5f))
                .body("siteEntry.teacherLibrarianFte", equalTo(1.0f))
                .body("siteEntry.openBeforeSchool", equalTo(true));
        given().auth().oauth2(staff).when().get(query + "&format=csv").then().statusCode(200)
                .contentType("text/csv")
                .body(containsString("Weekly open hours,37.5"))
                .body(containsString("Books per student,1.5"))
                .body(containsString("Library materials spending (received),40.49"));
        // another year has nothing entered, and its own spending
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                .when().get("/api/v1/reports/survey?site=" + site + "&year=2025")
                .then().statusCode(200).body("siteEntry", nullValue()).body("spending", equalTo(20.0f)));
    }

    @Test
    void onlyStaffOfTheSiteEnterItsHoursAndStaffing() {
        String site = newSite();
        String other = newSite();
        site(site);
        site(other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/survey?site=" + other).then().statusCode(200));
        String path = "/api/v1/reports/survey/" + site + "/2026";
        given().contentType(ContentType.JSON).body(ENTRY).when().put(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.teacher(site)).contentType(ContentType.JSON).body(ENTRY)
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.integration()).contentType(ContentType.JSON).body(ENTRY)
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON).body(ENTRY)
                .when().put(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(other)).when().get("/api/v1/reports/survey?site=" + site)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(ENTRY)
                .when().put(path).then().statusCode(200);
    }

    @Test
    void badEntriesAreRefusedNamingTheFieldAndChangeNothing() {
        String site = newSite();
        site(site);
        String staff = TestTokens.siteStaff(site);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                .when().get("/api/v1/reports/survey?site=" + site).then().statusCode(200));
        String path = "/api/v1/reports/survey/" + site + "/2026";
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(ENTRY.replace("37.5", "200"))
                .when().put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("weeklyOpenHours"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"weeklyOpenHours\": 10}")
                .when().put(path).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(ENTRY)
                .when().put("/api/v1/reports/survey/" + site + "/1999")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(ENTRY)
                .when().put("/api/v1/reports/survey/" + site + "/next")
                .then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(ENTRY)
                .when().put("/api/v1/reports/survey/NOSUCHSITE/2026")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(staff).when().get("/api/v1/reports/survey?site=" + site + "&year=2026")
                .then().statusCode(200).body("siteEntry", nullValue());
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/survey")
                .then().statusCode(400).body("errors[0].field", equalTo("site"));
        given().auth().oauth2(staff).when().get("/api/v1/reports/survey?site=" + site + "&sections=xyz!")
                .then().statusCode(400).body("errors[0].field", equalTo("sections"));
    }

    static void receive(String site, org.lrms.events.acquisitions.ItemsReceived line) {
        send(Topics.ACQUISITIONS_RECEIPTS, site, line.receiptId(), line);
    }
}
