package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.circulation.patron.PatronKeys;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A loan declared lost at a blocking overdue stage blocks its patron's check-outs until its LOST fee is settled
 * (paid or waived) or the copy comes back; a copy returned after the fee was paid still has it refunded.
 */
@QuarkusTest
class LostLoanBlockTest {

    @Inject
    LoanSweeper sweeper;

    @Inject
    AgroalDataSource db;

    @Inject
    PatronKeys keys;

    @Inject
    LoanPrivacy privacy;

    /** A patron whose loan of an 8.00 copy reached the blocking stage and was declared lost. */
    record LostLoan(String site, String token, String patron, String patronId, String loanId, CopySnapshot lost,
                    CopySnapshot next, String lostFeeId) {
    }

    LostLoan lostLoan() throws Exception {
        return lostLoan("8.00", "0.00");
    }

    /** As {@link #lostLoan()}, of a copy priced {@code price} (null: the catalog has no price), with this processing fee. */
    LostLoan lostLoan(String price, String processingFee) throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("lostAfterDays", 30);
        rule.put("processingFee", processingFee);
        rule.put("finePerDay", "0.00");
        rule.put("overdueNotices", List.of(Map.of("afterDays", 1), Map.of("afterDays", 20, "blocks", true)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "8");
        UUID title = UUID.randomUUID();
        // 8.00 stays under the fee limit: the refusal seen is the overdue block, not the fees owed
        CopySnapshot lost = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", price);
        CopySnapshot next = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = CheckoutTest.checkOut(token, site, patron, lost.barcode(), null).then().statusCode(201)
                .extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = now() - interval '40 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
        sweeper.sweep(Instant.now());
        assertEquals(Boolean.TRUE, column(loanId, "overdue_block"));
        assertNotNull(column(loanId, "lost_at"));
        String feeId = given().auth().oauth2(token).queryParam("open", true)
                .when().get("/api/v1/patrons/" + patronId + "/fees").then().statusCode(200)
                .extract().path("find { it.kind == 'LOST' }.id");
        assertEquals(price != null, feeId != null);
        return new LostLoan(site, token, patron, patronId, loanId, lost, next, feeId);
    }

    @Test
    void aLostCopyWithoutAPriceIsChargedNoReplacementAndItsLoanIsSettledAtOnce() throws Exception {
        LostLoan l = lostLoan(null, "2.50");
        // nothing to pay for the copy, so nothing would ever settle the loan: it is settled when declared lost
        assertNotNull(column(l.loanId, "lost_settled_at"));
        given().auth().oauth2(l.token).when().get("/api/v1/patrons/" + l.patronId + "/fees").then().statusCode(200)
                .body("kind", equalTo(List.of("PROCESSING"))).body("[0].amount", equalTo(2.5f));
        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(201);
    }

    @Test
    void aLostLoanWhoseFeeIsUnpaidStillBlocksEvenWhenPartlyPaid() throws Exception {
        LostLoan l = lostLoan();
        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("overdue-block"));
        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("amount", "3.00", "method", "CASH", "feeId", l.lostFeeId, "siteCode", l.site))
                .when().post("/api/v1/patrons/" + l.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(5.0f));

        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(409)
                .body("code", equalTo("overdue-block"));
        assertNull(column(l.loanId, "lost_settled_at"));
    }

    @Test
    void payingTheLostFeeEndsTheBlockAndTheCopyReturnedLaterIsStillRefunded() throws Exception {
        LostLoan l = lostLoan();
        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("amount", "8.00", "method", "CASH", "feeId", l.lostFeeId, "siteCode", l.site))
                .when().post("/api/v1/patrons/" + l.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(0.0f));

        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(201);
        assertNotNull(column(l.loanId, "lost_settled_at"));
        assertEquals(Boolean.TRUE, column(l.loanId, "overdue_block"), "the stage reached is kept, for the record");

        // nothing anonymizes a loan still out, paid for or not: the nightly run leaves it and its paid fee linked
        privacy.anonymizeKeptLoans(Instant.now().plus(Duration.ofDays(366)));
        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(366)));
        assertEquals(UUID.fromString(l.loanId), fee(l.lostFeeId).get("loan_id"));
        assertEquals(UUID.fromString(l.patronId), column(l.loanId, "patron_id"));

        // the copy turns up after all: the paid replacement cost is refunded, as before
        CheckoutTest.checkIn(l.site, l.lost.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("AVAILABLE"));
        given().auth().oauth2(l.token).when().get("/api/v1/patrons/" + l.patronId + "/fees").then()
                .body("find { it.id == '" + l.lostFeeId + "' }.status", equalTo("RETURNED"))
                .body("find { it.id == '" + l.lostFeeId + "' }.loanId", equalTo(null));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'REFUND' "
                + "AND amount = 8.00", UUID.fromString(l.lostFeeId)));
        // refunded, nothing of the loan open: the return anonymized the loan, and the fee forgot loan and copy
        assertNull(column(l.loanId, "patron_id"));
        Map<String, Object> fee = fee(l.lostFeeId);
        assertNull(fee.get("loan_id"));
        assertNull(fee.get("copy_id"));
        assertEquals(List.of("LOST", "RETURNED", l.site),
                List.of(fee.get("kind"), fee.get("status"), fee.get("site_code")));
        // announced as before, booked at the desk that took the copy back
        List<EventEnvelope> fees = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, l.lostFeeId,
                seen -> seen.stream().anyMatch(e -> e.type().equals("FeeRefunded")));
        FeeRefunded refunded = EventJson.payload(fees.stream().filter(e -> e.type().equals("FeeRefunded"))
                .findFirst().orElseThrow(), FeeRefunded.class);
        assertEquals(0, new BigDecimal("8.00").compareTo(refunded.refunded()));
        assertEquals(l.site, refunded.deskSite());
    }

    /**
     * A lost copy back while its PROCESSING fee is still owed: the paid LOST fee is refunded through the loan, which
     * stays the patron's (a fee of it is open) with both fees naming it; paying the processing fee then anonymizes the
     * loan, and both fees forget it.
     */
    @Test
    void aLostCopyBackWithItsProcessingFeeOwedIsRefundedAndForgottenOnceThatFeeIsPaid() throws Exception {
        LostLoan l = lostLoan("8.00", "2.50");
        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("amount", "8.00", "method", "CASH", "feeId", l.lostFeeId, "siteCode", l.site))
                .when().post("/api/v1/patrons/" + l.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(2.5f));

        CheckoutTest.checkIn(l.site, l.lost.barcode()).then().statusCode(200);
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'REFUND' "
                + "AND amount = 8.00", UUID.fromString(l.lostFeeId)));
        assertEquals(UUID.fromString(l.patronId), column(l.loanId, "patron_id"), "its processing fee is open");
        assertEquals(2L, Fixtures.count("SELECT count(*) FROM fee WHERE loan_id = ?", UUID.fromString(l.loanId)));

        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("amount", "2.50", "method", "CASH", "siteCode", l.site))
                .when().post("/api/v1/patrons/" + l.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(0.0f));
        assertNull(column(l.loanId, "patron_id"));
        assertEquals(0L, Fixtures.count("SELECT count(*) FROM fee WHERE loan_id = ?", UUID.fromString(l.loanId)));
        assertEquals(0L, Fixtures.count("SELECT count(*) FROM fee WHERE patron_id = ? AND copy_id IS NOT NULL",
                UUID.fromString(l.patronId)));
        given().auth().oauth2(l.token).when().get("/api/v1/patrons/" + l.patronId + "/fees").then().statusCode(200)
                .body("kind", containsInAnyOrder("LOST", "PROCESSING"))
                .body("loanId", equalTo(java.util.Arrays.asList(null, null)));
    }

    /** The fee's row as stored. */
    private static Map<String, Object> fee(String feeId) {
        return Fixtures.row("SELECT loan_id, copy_id, kind, status, site_code FROM fee WHERE id = ?",
                UUID.fromString(feeId));
    }

    @Test
    void aLostCopyReturnedUnpaidHasItsFeeForgivenAndTheReturnAnonymizesItsLoan() throws Exception {
        LostLoan l = lostLoan();
        UUID loanId = UUID.fromString(l.loanId);
        String key = keys.of(UUID.fromString(l.patronId));
        Map<String, Object> lost = CheckoutTest.loanRow(loanId);
        assertEquals("LOST", CheckoutTest.copyRow(l.lost).get("circulation_state"));

        Instant returnedAt = Instant.parse(CheckoutTest.checkIn(l.site, l.lost.barcode()).then().statusCode(200)
                .body("loanId", equalTo(l.loanId)).body("fine", equalTo(0.0f))
                .body("nextCopyStatus", equalTo("AVAILABLE")).extract().path("returnedAt"));
        given().auth().oauth2(l.token).when().get("/api/v1/patrons/" + l.patronId + "/fees").then()
                .body("find { it.id == '" + l.lostFeeId + "' }.status", equalTo("RETURNED"))
                .body("find { it.id == '" + l.lostFeeId + "' }.balance", equalTo(0.0f));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'WAIVER' "
                + "AND amount = 8.00", UUID.fromString(l.lostFeeId)));

        // the forgiven fee was the loan's last open one: the ledger anonymizes the loan in the return's transaction,
        // announced after the return's LoanClosed (which still names the key), so that a consumer learning of the loan
        // only from LoanClosed drops the key it just took
        Map<String, Object> returned = new LinkedHashMap<>(lost);
        returned.put("returned_at", CheckoutTest.microseconds(returnedAt));
        returned.put("returned_at_site", l.site);
        returned.put("patron_id", null);
        returned.put("patron_key", null);
        returned.put("version", (Integer) lost.get("version") + 1);
        assertEquals(returned, CheckoutTest.loanRow(loanId));
        assertEquals("AVAILABLE", CheckoutTest.copyRow(l.lost).get("circulation_state"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, l.loanId,
                seen -> seen.size() >= 5);
        assertEquals(List.of("LoanCreated", "LoanOverdue", "LoanDeclaredLost", "LoanClosed", "LoanAnonymized"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(new LoanAnonymized(loanId, l.site, key), EventJson.payload(events.get(4), LoanAnonymized.class));
        LoanClosed closed = EventJson.payload(events.get(3), LoanClosed.class);
        assertEquals(key, closed.loan().patronKey());
        assertEquals(returnedAt, closed.returnedAt());
        assertFalse(closed.patronForgotten());
    }

    @Test
    void waivingTheLostFeeEndsTheBlock() throws Exception {
        LostLoan l = lostLoan();
        Fixtures.supervisor(l.site);
        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("reason", "family lost the house in a fire"))
                .when().post("/api/v1/fees/" + l.lostFeeId + "/waivers").then().statusCode(200)
                .body("status", equalTo("WAIVED"));

        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(201);
        // the lost loan stays open (the copy is not back), and is not counted as overdue either
        assertNull(column(l.loanId, "returned_at"));
    }

    Object column(String loanId, String column) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + " FROM loan WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        }
    }
}
