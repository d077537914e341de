package org.lrms.reporting.fees;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeeDetached;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.sendAt;
import static org.lrms.reporting.TestEvents.site;

@QuarkusTest
class FeeReportTest {

    @Inject
    AgroalDataSource db;

    @Test
    void assessedPaidWaivedRefundedInThePeriodAndOutstandingNow() {
        String site = newSite();
        site(site);
        UUID lost = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        Instant sep = Instant.parse("2026-09-15T17:00:00Z");
        Instant oct = Instant.parse("2026-10-15T17:00:00Z");
        sendAt(Topics.CIRCULATION_FEES, site, lost, new FeeAssessed(fee(lost, site, "LOST", "25.00", "25.00", "OPEN")),
                sep);
        sendAt(Topics.CIRCULATION_FEES, site, lost, new FeePaid(fee(lost, site, "LOST", "25.00", "10.00", "OPEN"),
                new BigDecimal("15.00"), "CASH"), oct);
        sendAt(Topics.CIRCULATION_FEES, site, overdue, new FeeAssessed(fee(overdue, site, "OVERDUE", "1.50", "1.50",
                "OPEN")), sep);
        sendAt(Topics.CIRCULATION_FEES, site, overdue, new FeeWaived(fee(overdue, site, "OVERDUE", "1.50", "0.00",
                "WAIVED"), new BigDecimal("1.50"), "first time"), oct);
        // the lost copy came back: the rest forgiven, what was paid handed back
        sendAt(Topics.CIRCULATION_FEES, site, lost, new FeeWaived(fee(lost, site, "LOST", "25.00", "0.00", "WAIVED"),
                new BigDecimal("10.00"), "lost item returned"), oct.plusSeconds(60));
        sendAt(Topics.CIRCULATION_FEES, site, lost, new FeeRefunded(fee(lost, site, "LOST", "25.00", "0.00",
                "RETURNED"), new BigDecimal("15.00"), "lost item returned", "R-0123456789AB"), oct.plusSeconds(120));
        // assessed before the period, still open: outstanding, not assessed in the period
        sendAt(Topics.CIRCULATION_FEES, site, old, new FeeAssessed(fee(old, site, "DAMAGED", "8.00", "8.00", "OPEN")),
                Instant.parse("2025-03-01T17:00:00Z"));

        String query = "/api/v1/reports/fees?site=" + site + "&from=2026-07-01&to=2027-06-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.refunded", equalTo(15.0f)).body("totals.outstanding", equalTo(8.0f))
                .body("totals.waived", equalTo(11.5f)));
        report(query)
                .body("totals.assessed", equalTo(26.5f))
                .body("totals.assessedFees", equalTo(2))
                .body("totals.paid", equalTo(15.0f))
                .body("totals.waived", equalTo(11.5f))
                .body("totals.outstanding", equalTo(8.0f))
                .body("totals.openFees", equalTo(1))
                .body("byKind.find { it.key == 'LOST' }.amounts.outstanding", equalTo(0.0f))
                .body("byKind.find { it.key == 'LOST' }.amounts.refunded", equalTo(15.0f))
                .body("byKind.find { it.key == 'OVERDUE' }.amounts.waived", equalTo(1.5f))
                .body("byKind.find { it.key == 'DAMAGED' }.amounts.assessed", equalTo(0.0f))
                .body("bySite[0].key", equalTo(site));
        report("/api/v1/reports/fees?site=" + site + "&from=2026-09-01&to=2026-09-30")
                .body("totals.assessed", equalTo(26.5f))
                .body("totals.paid", equalTo(0.0f))
                .body("totals.refunded", equalTo(0.0f));
    }

    @Test
    void aFeeDetachedByTheFinanceRetentionForgetsItsPatronKeyAndKeepsItsAmounts() throws Exception {
        String site = newSite();
        site(site);
        UUID id = UUID.randomUUID();
        Instant sep = Instant.parse("2026-09-15T17:00:00Z");
        sendAt(Topics.CIRCULATION_FEES, site, id, new FeeAssessed(fee(id, site, "DAMAGED", "4.00", "4.00", "OPEN")),
                sep);
        sendAt(Topics.CIRCULATION_FEES, site, id, new FeePaid(fee(id, site, "DAMAGED", "4.00", "0.00", "PAID"),
                new BigDecimal("4.00"), "CASH"), sep.plusSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> "pk-fee".equals(patronKey(id)));

        sendAt(Topics.CIRCULATION_FEES, site, id, new FeeDetached(id, site), sep.plus(Duration.ofDays(366)));
        await().atMost(Duration.ofSeconds(30)).until(() -> patronKey(id) == null);
        report("/api/v1/reports/fees?site=" + site + "&from=2026-07-01&to=2027-06-30")
                .body("totals.assessed", equalTo(4.0f)).body("totals.paid", equalTo(4.0f));
    }

    private String patronKey(UUID feeId) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT patron_key FROM fee WHERE fee_id = ?")) {
            s.setObject(1, feeId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "none yet";
            }
        }
    }

    static FeeSnapshot fee(UUID id, String site, String kind, String amount, String balance, String status) {
        return new FeeSnapshot(id, "pk-fee", "STUDENT", "8", site, kind, new BigDecimal(amount),
                new BigDecimal(balance), status, null, null, "BOOK");
    }

    static io.restassured.response.ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.siteStaff(path.split("site=")[1].split("&")[0])).when().get(path)
                .then().statusCode(200);
    }
}
