package org.lrms.reporting.fees;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeeDetached;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.reporting.report.Downloads;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.reporting.TestEvents.awaitRecord;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
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

    @Test
    void paymentsAndRefundsCountAtTheDeskThatTookThemAndSiteStaffSeeTheirOwnDesks() throws Exception {
        String lhs = newSite();
        String rms = newSite();
        site(lhs);
        site(rms);
        UUID rmsLost = UUID.randomUUID();
        UUID rmsOverdue = UUID.randomUUID();
        UUID lhsDamaged = UUID.randomUUID();
        Instant oct = Instant.parse("2026-10-15T17:00:00Z");
        sendAt(Topics.CIRCULATION_FEES, rms, rmsLost, new FeeAssessed(fee(rmsLost, rms, "LOST", "20.00", "20.00",
                "OPEN")), oct);
        // an RMS student pays at LHS's desk: LHS's money, the RMS fee's payment
        EventEnvelope atLhs = sendAt(Topics.CIRCULATION_FEES, rms, rmsLost, new FeePaid(fee(rmsLost, rms, "LOST",
                "20.00", "8.00", "OPEN"), new BigDecimal("12.00"), "CASH", lhs), oct.plusSeconds(60));
        // delivered again: counted once
        send(Topics.CIRCULATION_FEES, atLhs);
        // the lost copy came back at LHS's desk (lower case, as a desk might send it): the refund is LHS's too
        sendAt(Topics.CIRCULATION_FEES, rms, rmsLost, new FeeWaived(fee(rmsLost, rms, "LOST", "20.00", "0.00",
                "WAIVED"), new BigDecimal("8.00"), "lost item returned"), oct.plusSeconds(120));
        sendAt(Topics.CIRCULATION_FEES, rms, rmsLost, new FeeRefunded(fee(rmsLost, rms, "LOST", "20.00", "0.00",
                "RETURNED"), new BigDecimal("12.00"), "lost item returned", "R-0123456789AB",
                " " + lhs.toLowerCase(java.util.Locale.ROOT)), oct.plusSeconds(180));
        sendAt(Topics.CIRCULATION_FEES, rms, rmsOverdue, new FeeAssessed(fee(rmsOverdue, rms, "OVERDUE", "3.00",
                "3.00", "OPEN")), oct);
        // written before circulation recorded desks: at the fee's site
        sendAt(Topics.CIRCULATION_FEES, rms, rmsOverdue, new FeePaid(fee(rmsOverdue, rms, "OVERDUE", "3.00", "1.00",
                "OPEN"), new BigDecimal("2.00"), "CASH"), oct.plusSeconds(60));
        // a district admin who named no desk (blank): the fee's site
        sendAt(Topics.CIRCULATION_FEES, rms, rmsOverdue, new FeePaid(fee(rmsOverdue, rms, "OVERDUE", "3.00", "0.00",
                "PAID"), new BigDecimal("1.00"), "CHECK", ""), oct.plusSeconds(90));
        sendAt(Topics.CIRCULATION_FEES, lhs, lhsDamaged, new FeeAssessed(fee(lhsDamaged, lhs, "DAMAGED", "5.00",
                "5.00", "OPEN")), oct);
        sendAt(Topics.CIRCULATION_FEES, lhs, lhsDamaged, new FeePaid(fee(lhsDamaged, lhs, "DAMAGED", "5.00", "0.00",
                "PAID"), new BigDecimal("5.00"), "CASH", lhs), oct.plusSeconds(60));
        // paid in September: outside an October period
        UUID early = UUID.randomUUID();
        sendAt(Topics.CIRCULATION_FEES, rms, early, new FeePaid(fee(early, rms, "OVERDUE", "1.00", "0.00", "PAID"),
                new BigDecimal("1.00"), "CASH", lhs), Instant.parse("2026-09-30T17:00:00Z"));

        String october = "&from=2026-10-01&to=2026-10-31";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            report("/api/v1/reports/fees?site=" + rms + october).body("totals.paid", equalTo(15.0f))
                    .body("totals.refunded", equalTo(12.0f)).body("deskTotals.payments", equalTo(2));
            report("/api/v1/reports/fees?site=" + lhs + october).body("totals.paid", equalTo(5.0f));
            report("/api/v1/reports/fees?site=" + lhs + "&from=2026-09-01&to=2026-09-30")
                    .body("deskTotals.paid", equalTo(1.0f)).body("totals.paid", equalTo(0.0f));
        });
        // LHS's staff: their desk took 12.00 + 5.00 and handed back 12.00, whoever's fees they were
        report("/api/v1/reports/fees?site=" + lhs + october)
                .body("totals.paid", equalTo(5.0f))
                .body("totals.refunded", equalTo(0.0f))
                .body("bySite.key", equalTo(List.of(lhs)))
                .body("deskTotals.payments", equalTo(2))
                .body("deskTotals.paid", equalTo(17.0f))
                .body("deskTotals.refunds", equalTo(1))
                .body("deskTotals.refunded", equalTo(12.0f))
                .body("deskTotals.net", equalTo(5.0f))
                .body("byDesk.desk", equalTo(List.of(lhs)))
                .body("byDesk[0].amounts.paid", equalTo(17.0f))
                .body("byDesk[0].byFeeSite.site", equalTo(lhs.compareTo(rms) < 0 ? List.of(lhs, rms)
                        : List.of(rms, lhs)))
                .body("byDesk[0].byFeeSite.find { it.site == '" + rms + "' }.amounts.paid", equalTo(12.0f))
                .body("byDesk[0].byFeeSite.find { it.site == '" + rms + "' }.amounts.refunded", equalTo(12.0f))
                .body("byDesk[0].byFeeSite.find { it.site == '" + lhs + "' }.amounts.net", equalTo(5.0f));
        // RMS's staff: the fee's figures unchanged (paid 12 + 2 + 1, refunded 12); at RMS's desk only 2 + 1
        report("/api/v1/reports/fees?site=" + rms + october)
                .body("totals.paid", equalTo(15.0f))
                .body("totals.refunded", equalTo(12.0f))
                .body("deskTotals.paid", equalTo(3.0f))
                .body("deskTotals.refunded", equalTo(0.0f))
                .body("byDesk.desk", equalTo(List.of(rms)))
                .body("byDesk[0].byFeeSite.site", equalTo(List.of(rms)));
        given().auth().oauth2(TestTokens.siteStaff(lhs)).when().get("/api/v1/reports/fees?site=" + rms + october)
                .then().statusCode(403).contentType("application/problem+json");
        // both sites: the desks add up to what the fees were paid and refunded
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/fees?site=" + lhs + "," + rms + october)
                .then().statusCode(200)
                .body("totals.paid", equalTo(20.0f)).body("deskTotals.paid", equalTo(20.0f))
                .body("totals.refunded", equalTo(12.0f)).body("deskTotals.refunded", equalTo(12.0f))
                .body("byDesk.desk", equalTo(lhs.compareTo(rms) < 0 ? List.of(lhs, rms) : List.of(rms, lhs)));

        String csv = given().auth().oauth2(TestTokens.siteStaff(lhs))
                .when().get("/api/v1/reports/fees?format=csv&site=" + lhs + october)
                .then().statusCode(200).contentType("text/csv").extract().body().asString();
        assertTrue(csv.contains("By desk and fee site"), csv);
        assertTrue(csv.contains(lhs + "," + rms + ",1,12.00,1,12.00,0.00"), csv);
        assertTrue(csv.contains(lhs + ",2,17.00,1,12.00,5.00"), csv);
        byte[] xlsx = given().auth().oauth2(TestTokens.siteStaff(lhs)).accept(Downloads.XLSX)
                .when().get("/api/v1/reports/fees?site=" + lhs + october)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(17.0, book.getSheet("By desk").getRow(1).getCell(2).getNumericCellValue());
        }
        byte[] pdf = given().auth().oauth2(TestTokens.siteStaff(lhs))
                .when().get("/api/v1/reports/fees?format=pdf&site=" + lhs + october)
                .then().statusCode(200).contentType(Downloads.PDF).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void aPaymentWhoseDeskIsNotASiteCodeIsDeadLetteredAndCountsNowhere() {
        String site = newSite();
        site(site);
        UUID id = UUID.randomUUID();
        Instant oct = Instant.parse("2026-10-15T17:00:00Z");
        sendAt(Topics.CIRCULATION_FEES, site, id, new FeeAssessed(fee(id, site, "DAMAGED", "6.00", "6.00", "OPEN")),
                oct);
        EventEnvelope bad = sendAt(Topics.CIRCULATION_FEES, site, id, new FeePaid(fee(id, site, "DAMAGED", "6.00",
                "2.00", "OPEN"), new BigDecimal("4.00"), "CASH", "front desk!"), oct.plusSeconds(60));
        sendAt(Topics.CIRCULATION_FEES, site, id, new FeePaid(fee(id, site, "DAMAGED", "6.00", "4.00", "OPEN"),
                new BigDecimal("2.00"), "CASH", site), oct.plusSeconds(120));

        ConsumerRecord<String, String> refused = awaitRecord(Topics.deadLetter(Topics.CIRCULATION_FEES),
                r -> r.value().contains(bad.eventId().toString()));
        String reason = new String(refused.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("has desk site front desk!"), reason);
        String query = "/api/v1/reports/fees?site=" + site + "&from=2026-10-01&to=2026-10-31";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("deskTotals.paid", equalTo(2.0f)));
        report(query).body("totals.paid", equalTo(2.0f)).body("deskTotals.payments", equalTo(1));
    }

    @Test
    void aDesksPaymentsAreSplitByMethodAndAddUpToWhatItTook() throws Exception {
        String desk = newSite();
        String other = newSite();
        site(desk);
        site(other);
        UUID own = UUID.randomUUID();
        UUID visitor = UUID.randomUUID();
        Instant nov = Instant.parse("2026-11-10T17:00:00Z");
        // the desk's own fees: cash twice (one delivered again: counted once), a check, a card (as a desk might send
        // it), online
        EventEnvelope cash = sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00",
                "50.00", "OPEN"), new BigDecimal("10.00"), "CASH", desk), nov);
        send(Topics.CIRCULATION_FEES, cash);
        sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00", "45.00", "OPEN"),
                new BigDecimal("5.00"), "CASH", desk), nov.plusSeconds(60));
        sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00", "25.00", "OPEN"),
                new BigDecimal("20.00"), "CHECK", desk), nov.plusSeconds(120));
        sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00", "19.75", "OPEN"),
                new BigDecimal("5.25"), " card", desk), nov.plusSeconds(180));
        sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00", "18.75", "OPEN"),
                new BigDecimal("1.00"), "ONLINE", desk), nov.plusSeconds(240));
        // another site's fee paid at the desk: in cash, and twice without a method (an old event, a blank one)
        sendAt(Topics.CIRCULATION_FEES, other, visitor, new FeePaid(fee(visitor, other, "OVERDUE", "9.00", "7.00",
                "OPEN"), new BigDecimal("2.00"), "CASH", desk), nov.plusSeconds(300));
        sendAt(Topics.CIRCULATION_FEES, other, visitor, new FeePaid(fee(visitor, other, "OVERDUE", "9.00", "4.50",
                "OPEN"), new BigDecimal("2.50"), null, desk), nov.plusSeconds(360));
        sendAt(Topics.CIRCULATION_FEES, other, visitor, new FeePaid(fee(visitor, other, "OVERDUE", "9.00", "3.00",
                "OPEN"), new BigDecimal("1.50"), " ", desk), nov.plusSeconds(420));
        // a refund has no method: in refunded, not in the split
        sendAt(Topics.CIRCULATION_FEES, desk, own, new FeeRefunded(fee(own, desk, "LOST", "60.00", "0.00",
                "RETURNED"), new BigDecimal("4.00"), "lost item returned", "R-0123456789AC", desk),
                nov.plusSeconds(480));
        // a method that is not a word: a bad event, counted nowhere rather than guessed
        EventEnvelope bad = sendAt(Topics.CIRCULATION_FEES, desk, own, new FeePaid(fee(own, desk, "LOST", "60.00",
                "17.75", "OPEN"), new BigDecimal("1.00"), "cash; drop table", desk), nov.plusSeconds(540));

        String query = "/api/v1/reports/fees?site=" + desk + "&from=2026-11-01&to=2026-11-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("deskTotals.refunded", equalTo(4.0f)).body("deskTotals.payments", equalTo(8)));
        ConsumerRecord<String, String> refused = awaitRecord(Topics.deadLetter(Topics.CIRCULATION_FEES),
                r -> r.value().contains(bad.eventId().toString()));
        String reason = new String(refused.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("has method cash; drop table"), reason);

        var json = report(query)
                .body("deskTotals.paid", equalTo(47.25f))
                .body("deskTotals.byMethod.method", equalTo(Arrays.asList("CASH", "CHECK", "CARD", "ONLINE", null)))
                .body("deskTotals.byMethod[0].payments", equalTo(3))
                .body("deskTotals.byMethod[0].paid", equalTo(17.0f))
                .body("deskTotals.byMethod[1].paid", equalTo(20.0f))
                .body("deskTotals.byMethod[2].paid", equalTo(5.25f))
                .body("deskTotals.byMethod[3].paid", equalTo(1.0f))
                .body("deskTotals.byMethod[4].payments", equalTo(2))
                .body("deskTotals.byMethod[4].paid", equalTo(4.0f))
                .body("byDesk[0].amounts.byMethod.method", equalTo(Arrays.asList("CASH", "CHECK", "CARD", "ONLINE",
                        null)))
                .body("byDesk[0].byFeeSite.find { it.site == '" + other + "' }.amounts.byMethod.method",
                        equalTo(Arrays.asList("CASH", null)))
                .extract().jsonPath();
        // every desk figure's methods add up to its payments and paid
        List<Map<String, Object>> amounts = new ArrayList<>();
        amounts.add(json.getMap("deskTotals"));
        amounts.addAll(json.getList("byDesk.amounts"));
        amounts.addAll(json.getList("byDesk.byFeeSite.flatten().amounts"));
        assertEquals(4, amounts.size());
        for (Map<String, Object> a : amounts) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> byMethod = (List<Map<String, Object>>) a.get("byMethod");
            assertEquals(((Number) a.get("payments")).longValue(),
                    byMethod.stream().mapToLong(m -> ((Number) m.get("payments")).longValue()).sum(), a.toString());
            assertEquals(new BigDecimal(a.get("paid").toString()).setScale(2),
                    byMethod.stream().map(m -> new BigDecimal(m.get("paid").toString()))
                            .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2), a.toString());
        }

        String csv = given().auth().oauth2(TestTokens.siteStaff(desk))
                .when().get(query + "&format=csv")
                .then().statusCode(200).contentType("text/csv").extract().body().asString();
        assertTrue(csv.contains("Desk totals by payment method"), csv);
        assertTrue(csv.contains("By desk and payment method"), csv);
        assertTrue(csv.contains("Desk,Method,Payments,Paid"), csv);
        assertTrue(csv.contains(desk + ",CASH,3,17.00"), csv);
        assertTrue(csv.contains(desk + ",CHECK,1,20.00"), csv);
        assertTrue(csv.contains(desk + ",Unknown,2,4.00"), csv);
        assertTrue(csv.contains("Of unknown method"), csv);
        assertTrue(csv.contains("2 payments, 4.00 paid"), csv);
        byte[] xlsx = given().auth().oauth2(TestTokens.siteStaff(desk)).accept(Downloads.XLSX)
                .when().get(query)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("By desk and payment method");
            assertEquals("CHECK", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(20.0, sheet.getRow(2).getCell(3).getNumericCellValue());
        }
    }

    @Test
    void moneyIngestedBeforeTheMethodWasKeptIsOfUnknownMethodAndLaterUnknownsAddToIt() throws Exception {
        String desk = newSite();
        site(desk);
        UUID id = UUID.randomUUID();
        Instant dec = Instant.parse("2026-12-02T17:00:00Z");
        // a day as migration V13 left it: paid at the desk, method NULL
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO fee_desk_day (desk_site, day, fee_site, action, method, events, amount)
                VALUES (?, DATE '2026-12-02', ?, 'PAID', NULL, 2, 7.00)""")) {
            s.setString(1, desk);
            s.setString(2, desk);
            s.executeUpdate();
        }
        sendAt(Topics.CIRCULATION_FEES, desk, id, new FeePaid(fee(id, desk, "DAMAGED", "9.00", "6.00", "OPEN"),
                new BigDecimal("3.00"), null, desk), dec);
        sendAt(Topics.CIRCULATION_FEES, desk, id, new FeePaid(fee(id, desk, "DAMAGED", "9.00", "5.00", "OPEN"),
                new BigDecimal("1.00"), "CHECK", desk), dec.plusSeconds(60));

        String query = "/api/v1/reports/fees?site=" + desk + "&from=2026-12-01&to=2026-12-31";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("deskTotals.payments", equalTo(4)));
        report(query)
                .body("deskTotals.paid", equalTo(11.0f))
                .body("deskTotals.byMethod.method", equalTo(Arrays.asList("CHECK", null)))
                .body("deskTotals.byMethod[1].payments", equalTo(3))
                .body("deskTotals.byMethod[1].paid", equalTo(10.0f));
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM fee_desk_day WHERE desk_site = ? AND method IS NULL")) {
            s.setString(1, desk);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "one row of unknown method per desk, day and fee site");
            }
        }
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
