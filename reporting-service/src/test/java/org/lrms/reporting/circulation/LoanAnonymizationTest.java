package org.lrms.reporting.circulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.patron;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;

/**
 * Circulation's LoanAnonymized, or a LoanClosed whose return dropped the patron (patronForgotten): the loan's
 * patron-level data goes, the statistics stay.
 */
@QuarkusTest
class LoanAnonymizationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anAnonymizedLoanLosesItsPatronKeyAndTheCirculationReportStaysTheSame() throws Exception {
        String site = newSite();
        site(site);
        String ana = "pk-ana-" + UUID.randomUUID();
        send(Topics.CIRCULATION_PATRONS, site, ana, new PatronCreated(patron(ana, "STUDENT", site, "6", "Room 3",
                "ACTIVE")));
        UUID owls = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, owls, new TitleCreated(title(owls, "Owls", "BOOK", "598.9", 2012)));
        Instant loaned = Instant.now().minus(Duration.ofDays(20));
        LoanSnapshot returned = loan(UUID.randomUUID(), owls, site, ana, "STUDENT", "6", "BOOK", "598.9", loaned);
        // still out and overdue: it keeps its patron-level row
        LoanSnapshot out = loan(UUID.randomUUID(), owls, site, ana, "STUDENT", "6", "BOOK", "598.9", loaned);
        send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanCreated(returned, null));
        send(Topics.CIRCULATION_LOANS, site, out.loanId(), new LoanCreated(out, null));
        send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanClosed(returned, Instant.now(), site,
                "AVAILABLE"));

        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        String query = "/api/v1/reports/circulation?site=" + site + "&from=" + today.minusDays(60) + "&to=" + today;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.checkouts", equalTo(2)).body("totals.returns", equalTo(1))
                .body("borrowers", equalTo(1)).body("topTitles[0].title", equalTo("Owls")));
        Map<String, Object> before = numbers(query);
        assertEquals(ana, patronKey(returned.loanId()));

        send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanAnonymized(returned.loanId(), site, ana));
        await().atMost(Duration.ofSeconds(30)).until(() -> patronKey(returned.loanId()) == null);

        assertNull(patronKey(returned.loanId()));
        assertEquals(ana, patronKey(out.loanId()));
        assertEquals(before, numbers(query));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/reports/patrons/overdue?site=" + site)
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aReturnThatForgotThePatronDropsItsPatronKeyAndLeavesTheReportAsLoanAnonymizedDoes() throws Exception {
        UUID owls = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, owls, new TitleCreated(title(owls, "Owls", "BOOK", "598.9", 2012)));
        Instant loaned = Instant.now().minus(Duration.ofDays(20));
        // the same loans at two schools: one return announced as before (LoanClosed, then LoanAnonymized), the other
        // by a LoanClosed that says the return dropped the patron
        Map<String, Object> reports = new java.util.HashMap<>();
        for (boolean forgotten : new boolean[] {false, true}) {
            String site = newSite();
            site(site);
            String key = "pk-" + forgotten + "-" + UUID.randomUUID();
            send(Topics.CIRCULATION_PATRONS, site, key, new PatronCreated(patron(key, "STUDENT", site, "6", "Room 3",
                    "ACTIVE")));
            LoanSnapshot returned = loan(UUID.randomUUID(), owls, site, key, "STUDENT", "6", "BOOK", "598.9", loaned);
            LoanSnapshot out = loan(UUID.randomUUID(), owls, site, key, "STUDENT", "6", "BOOK", "598.9", loaned);
            send(Topics.CIRCULATION_LOANS, site, out.loanId(), new LoanCreated(out, null));
            send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanCreated(returned, null));
            Instant back = Instant.now();
            if (forgotten) {
                send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanClosed(returned, back, site,
                        "AVAILABLE", true));
            } else {
                send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanClosed(returned, back, site,
                        "AVAILABLE"));
                send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanAnonymized(returned.loanId(), site,
                        key));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(status(returned.loanId()))
                    && patronKey(returned.loanId()) == null);

            assertEquals(key, patronKey(out.loanId()), "the loan still out keeps its patron");
            LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
            String query = "/api/v1/reports/circulation?site=" + site + "&from=" + today.minusDays(60) + "&to="
                    + today;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                    .body("totals.checkouts", equalTo(2)).body("totals.returns", equalTo(1))
                    .body("borrowers", equalTo(1)).body("topTitles[0].title", equalTo("Owls")));
            Map<String, Object> numbers = numbers(query);
            numbers.keySet().retainAll(List.of("totals", "borrowers", "borrowersExact", "series", "byMaterialType",
                    "byDeweyClass", "byPatronType", "byGrade", "topTitles"));
            reports.put(String.valueOf(forgotten), numbers);
            given().auth().oauth2(TestTokens.siteStaff(site)).when()
                    .get("/api/v1/reports/patrons/overdue?site=" + site)
                    .then().statusCode(200).body("count", equalTo(1));
        }
        assertEquals(reports.get("false"), reports.get("true"));
    }

    @Test
    void aLoanClosedWrittenBeforeTheFlagExistedClosesTheLoanAndKeepsItsPatron() throws Exception {
        String site = newSite();
        site(site);
        String key = "pk-old-" + UUID.randomUUID();
        UUID owls = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, owls, new TitleCreated(title(owls, "Owls", "BOOK", "598.9", 2012)));
        LoanSnapshot returned = loan(UUID.randomUUID(), owls, site, key, "STUDENT", "6", "BOOK", "598.9",
                Instant.now().minus(Duration.ofDays(3)));
        send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanCreated(returned, null));
        EventEnvelope closed = EventJson.envelope("circulation-service", site, returned.loanId().toString(),
                new LoanClosed(returned, Instant.now(), site, "AVAILABLE"));
        ((ObjectNode) closed.payload()).remove("patronForgotten");
        String json = EventJson.write(closed);
        assertFalse(json.contains("patronForgotten"), json);
        sendRaw(Topics.CIRCULATION_LOANS, returned.loanId().toString(), json);

        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(status(returned.loanId())));
        assertEquals(key, patronKey(returned.loanId()), "an old close keeps the patron until a LoanAnonymized");
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        report("/api/v1/reports/circulation?site=" + site + "&from=" + today.minusDays(60) + "&to=" + today)
                .body("totals.checkouts", equalTo(1)).body("totals.returns", equalTo(1)).body("borrowers", equalTo(1));
    }

    static io.restassured.response.ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }

    /** The report without its freshness block (which moves with every event applied anywhere). */
    static Map<String, Object> numbers(String query) {
        Map<String, Object> report = new java.util.HashMap<>(report(query).extract().jsonPath().getMap(""));
        report.remove("freshness");
        return report;
    }

    String status(UUID loanId) throws Exception {
        return column("status", loanId);
    }

    String patronKey(UUID loanId) throws Exception {
        return column("patron_key", loanId);
    }

    private String column(String column, UUID loanId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM loan WHERE loan_id = ?")) {
            s.setObject(1, loanId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
