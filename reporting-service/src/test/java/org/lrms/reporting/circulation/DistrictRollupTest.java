package org.lrms.reporting.circulation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanRenewed;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendAt;
import static org.lrms.reporting.TestEvents.site;

/**
 * The district's report comes from the rollups (month rows, and day rows for cut months; title rankings; borrower
 * sketches): it must give the same numbers as the same report over every site counted from the daily counts and the
 * loan rows, for any period, whole months or cut ones, by month and by week.
 */
@QuarkusTest
class DistrictRollupTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theDistrictFromTheRollupsEqualsEverySiteCountedDayByDay() throws Exception {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        UUID popular = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, popular, new TitleCreated(title(popular, "Wonder", "BOOK", "FIC PAL", 2012)));
        send(Topics.CATALOG_TITLES, null, other, new TitleCreated(title(other, "Bats", "BOOK", "599.4", 2010)));
        Instant[] days = {Instant.parse("2026-09-03T17:00:00Z"), Instant.parse("2026-09-30T17:00:00Z"),
                Instant.parse("2026-10-15T17:00:00Z"), Instant.parse("2026-11-30T18:00:00Z"),
                Instant.parse("2026-12-01T18:00:00Z"), Instant.parse("2027-01-04T18:00:00Z")};
        List<LoanSnapshot> loans = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LoanSnapshot l = loan(UUID.randomUUID(), i % 3 == 0 ? other : popular, i % 2 == 0 ? a : b, "pk-d" + i % 5,
                    i % 4 == 0 ? "TEACHER" : "STUDENT", i % 4 == 0 ? null : String.valueOf(i % 3 + 6),
                    i % 5 == 0 ? "DVD" : "BOOK", i % 3 == 0 ? "599.4" : "FIC PAL", days[i % days.length]);
            loans.add(l);
            send(Topics.CIRCULATION_LOANS, l.siteCode(), l.loanId(), new LoanCreated(l, null));
        }
        LoanSnapshot first = loans.get(0);
        sendAt(Topics.CIRCULATION_LOANS, a, first.loanId(), new LoanRenewed(first),
                Instant.parse("2026-09-17T16:00:00Z"));
        sendAt(Topics.CIRCULATION_LOANS, a, first.loanId(), new LoanClosed(first,
                Instant.parse("2026-10-01T16:00:00Z"), a, "AVAILABLE"), Instant.parse("2026-10-01T16:00:00Z"));
        sendAt(Topics.CIRCULATION_HOLDS, b, "hd", new HoldFilled(new HoldSnapshot(UUID.randomUUID(), popular, null,
                "pk-h", "STUDENT", "8", b, "ON_SHELF", days[0], null), "I-9", b), Instant.parse("2026-11-02T16:00:00Z"));

        String ours = "/api/v1/reports/circulation?site=" + a + "," + b + "&from=2026-08-01&to=2027-06-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(ours)
                .body("totals.checkouts", equalTo(12))
                .body("totals.renewals", equalTo(1))
                .body("totals.returns", equalTo(1))
                .body("totals.holdsFilled", equalTo(1))
                .body("topTitles[0].title", equalTo("Wonder")));
        report("/api/v1/reports/circulation?from=2026-08-01&to=2027-06-30")
                .body("borrowersExact", equalTo(false))
                .body("bySite.find { it.key == '" + a + "' }.checkouts", equalTo(6))
                .body("bySite.find { it.key == '" + b + "' }.holdsFilled", equalTo(1));
        report(ours).body("borrowersExact", equalTo(true));

        String everySite = String.join(",", sites());
        for (String period : List.of("from=2026-08-01&to=2027-06-30", "from=2026-09-03&to=2026-12-01",
                "from=2026-09-30&to=2026-10-01", "from=2026-10-02&to=2026-11-30&interval=week",
                "from=2026-08-01&to=2027-06-30&interval=week&top=3", "from=2026-12-01&to=2027-01-04")) {
            Map<String, Object> district = numbers("/api/v1/reports/circulation?" + period);
            Map<String, Object> sites = numbers("/api/v1/reports/circulation?site=" + everySite + "&" + period);
            for (String part : List.of("totals", "series", "bySite", "byMaterialType", "byDeweyClass",
                    "byPatronType", "byGrade")) {
                assertEquals(sites.get(part), district.get(part), part + " of " + period);
            }
            assertEquals(checkouts(sites), checkouts(district), "top titles of " + period);
            long exact = ((Number) sites.get("borrowers")).longValue();
            long estimate = ((Number) district.get("borrowers")).longValue();
            assertTrue(Math.abs(estimate - exact) <= Math.max(1, exact * 0.03), estimate + " against " + exact);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> checkouts(Map<String, Object> report) {
        return ((List<Map<String, Object>>) report.get("topTitles")).stream().map(t -> t.get("checkouts")).toList();
    }

    private List<String> sites() throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT site_code FROM circulation_day")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static Map<String, Object> numbers(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private static io.restassured.response.ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }
}
