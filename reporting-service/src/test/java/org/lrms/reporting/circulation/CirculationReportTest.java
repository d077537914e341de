package org.lrms.reporting.circulation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanRenewed;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendAt;
import static org.lrms.reporting.TestEvents.site;

@QuarkusTest
class CirculationReportTest {

    private static final Instant SEP_10 = Instant.parse("2026-09-10T17:00:00Z");
    private static final Instant OCT_05 = Instant.parse("2026-10-05T17:00:00Z");

    @Test
    void checkoutsRenewalsReturnsByMonthSiteMaterialTypeDeweyPatronTypeAndGradeWithTopTitles() {
        String site = newSite();
        String other = newSite();
        site(site);
        site(other);
        UUID whales = UUID.randomUUID();
        UUID holes = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, whales, new TitleCreated(title(whales, "Whales", "BOOK", "599.5", 2001)));
        send(Topics.CATALOG_TITLES, null, holes, new TitleCreated(title(holes, "Holes", "BOOK", "FIC SAC", 2000)));

        LoanSnapshot a = loan(UUID.randomUUID(), whales, site, "pk-a", "STUDENT", "9", "BOOK", "599.5", SEP_10);
        LoanSnapshot b = loan(UUID.randomUUID(), whales, site, "pk-b", "STUDENT", "10", "BOOK", "599.5", SEP_10);
        LoanSnapshot c = loan(UUID.randomUUID(), holes, site, "pk-a", "TEACHER", null, "DVD", "FIC SAC", OCT_05);
        LoanSnapshot d = loan(UUID.randomUUID(), holes, other, "pk-z", "STUDENT", "9", "BOOK", "FIC SAC", OCT_05);
        send(Topics.CIRCULATION_LOANS, site, a.loanId(), new LoanCreated(a, null));
        send(Topics.CIRCULATION_LOANS, site, b.loanId(), new LoanCreated(b, null));
        send(Topics.CIRCULATION_LOANS, site, c.loanId(), new LoanCreated(c, null));
        send(Topics.CIRCULATION_LOANS, other, d.loanId(), new LoanCreated(d, null));
        sendAt(Topics.CIRCULATION_LOANS, site, a.loanId(), new LoanRenewed(a), Instant.parse("2026-09-24T16:00:00Z"));
        sendAt(Topics.CIRCULATION_LOANS, site, a.loanId(), new LoanClosed(a, Instant.parse("2026-10-02T16:00:00Z"),
                site, "AVAILABLE"), Instant.parse("2026-10-02T16:00:00Z"));
        sendAt(Topics.CIRCULATION_LOANS, site, b.loanId(), new LoanDeclaredLost(b),
                Instant.parse("2026-11-20T16:00:00Z"));
        sendAt(Topics.CIRCULATION_HOLDS, site, "h1", new HoldFilled(new HoldSnapshot(UUID.randomUUID(), holes, null,
                "pk-q", "STUDENT", "11", site, "ON_SHELF", SEP_10, null), "I-1", site),
                Instant.parse("2026-10-06T16:00:00Z"));

        String query = "/api/v1/reports/circulation?site=" + site + "&from=2026-08-01&to=2027-06-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.checkouts", equalTo(3))
                .body("totals.lost", equalTo(1))
                .body("totals.holdsFilled", equalTo(1))
                // titles come on their own topic: the names join once it is applied too
                .body("topTitles.title", org.hamcrest.Matchers.contains("Whales", "Holes")));
        report(query)
                .body("scope", equalTo(site))
                .body("interval", equalTo("month"))
                .body("totals.renewals", equalTo(1))
                .body("totals.returns", equalTo(1))
                .body("borrowers", equalTo(2))
                .body("series", hasSize(11))
                .body("series[1].label", equalTo("2026-09"))
                .body("series[1].checkouts", equalTo(2))
                .body("series[1].renewals", equalTo(1))
                .body("series[2].label", equalTo("2026-10"))
                .body("series[2].checkouts", equalTo(1))
                .body("series[2].returns", equalTo(1))
                .body("series[2].holdsFilled", equalTo(1))
                .body("series[3].lost", equalTo(1))
                .body("bySite", hasSize(1))
                .body("byMaterialType.find { it.key == 'BOOK' }.checkouts", equalTo(2))
                .body("byMaterialType.find { it.key == 'DVD' }.checkouts", equalTo(1))
                .body("byDeweyClass.find { it.key == '500' }.checkouts", equalTo(2))
                .body("byDeweyClass.find { it.key == '500' }.label", equalTo("Science"))
                .body("byDeweyClass.find { it.key == 'FIC' }.checkouts", equalTo(1))
                .body("byPatronType.find { it.key == 'STUDENT' }.checkouts", equalTo(2))
                .body("byPatronType.find { it.key == 'TEACHER' }.checkouts", equalTo(1))
                .body("byGrade.find { it.key == '9' }.checkouts", equalTo(1))
                .body("byGrade.find { it.key == '10' }.checkouts", equalTo(1))
                .body("byGrade.find { it.key == 'UNKNOWN' }.checkouts", equalTo(1))
                .body("topTitles[0].title", equalTo("Whales"))
                .body("topTitles[0].checkouts", equalTo(2))
                .body("topTitles[1].title", equalTo("Holes"))
                .body("topTitles[1].checkouts", equalTo(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report("/api/v1/reports/circulation?site="
                + site + "," + other + "&from=2026-08-01&to=2027-06-30&top=1")
                .body("totals.checkouts", equalTo(4))
                .body("bySite", hasSize(2))
                .body("borrowers", equalTo(3))
                .body("topTitles", hasSize(1)));
    }

    @Test
    void weeklySeriesAndPeriodFilterCountOnlyTheDaysAsked() {
        String site = newSite();
        site(site);
        LoanSnapshot a = loan(UUID.randomUUID(), UUID.randomUUID(), site, "pk-w", "STUDENT", "3", "BOOK", "E SEN",
                Instant.parse("2026-09-07T18:00:00Z")); // Monday, week 37
        LoanSnapshot b = loan(UUID.randomUUID(), UUID.randomUUID(), site, "pk-w", "STUDENT", "3", "BOOK", "E SEN",
                Instant.parse("2026-09-20T18:00:00Z")); // Sunday, week 38
        send(Topics.CIRCULATION_LOANS, site, a.loanId(), new LoanCreated(a, null));
        send(Topics.CIRCULATION_LOANS, site, b.loanId(), new LoanCreated(b, null));

        String weeks = "/api/v1/reports/circulation?site=" + site + "&from=2026-09-07&to=2026-09-20&interval=week";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(weeks).body("totals.checkouts",
                equalTo(2)));
        report(weeks)
                .body("series", hasSize(2))
                .body("series[0].label", equalTo("2026-W37"))
                .body("series[0].start", equalTo("2026-09-07"))
                .body("series[0].checkouts", equalTo(1))
                .body("series[1].label", equalTo("2026-W38"))
                .body("series[1].checkouts", equalTo(1))
                .body("byDeweyClass[0].key", equalTo("E"));
        report("/api/v1/reports/circulation?site=" + site + "&from=2026-09-08&to=2026-09-30")
                .body("totals.checkouts", equalTo(1))
                .body("borrowers", equalTo(1));
    }

    @Test
    void badIntervalAndTopAreRefused() {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/circulation?interval=daily")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("interval"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/circulation?top=1000")
                .then().statusCode(400).body("errors[0].field", equalTo("top"));
    }

    static io.restassured.response.ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }
}
