package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** A patron whose loan of an 8.00 copy reached the blocking stage and was declared lost. */
    record LostLoan(String site, String token, String patron, String patronId, String loanId, CopySnapshot lost,
                    CopySnapshot next, String lostFeeId) {
    }

    LostLoan lostLoan() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("lostAfterDays", 30);
        rule.put("processingFee", "0.00");
        rule.put("finePerDay", "0.00");
        rule.put("overdueNotices", List.of(Map.of("afterDays", 1), Map.of("afterDays", 20, "blocks", true)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "8");
        UUID title = UUID.randomUUID();
        // 8.00 stays under the fee limit: the refusal seen is the overdue block, not the fees owed
        CopySnapshot lost = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", "8.00");
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
        assertNotNull(feeId);
        return new LostLoan(site, token, patron, patronId, loanId, lost, next, feeId);
    }

    @Test
    void aLostLoanWhoseFeeIsUnpaidStillBlocksEvenWhenPartlyPaid() throws Exception {
        LostLoan l = lostLoan();
        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("overdue-block"));
        given().auth().oauth2(l.token).contentType(ContentType.JSON)
                .body(Map.of("amount", "3.00", "method", "CASH", "feeId", l.lostFeeId))
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
                .body(Map.of("amount", "8.00", "method", "CASH", "feeId", l.lostFeeId))
                .when().post("/api/v1/patrons/" + l.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(0.0f));

        CheckoutTest.checkOut(l.token, l.site, l.patron, l.next.barcode(), null).then().statusCode(201);
        assertNotNull(column(l.loanId, "lost_settled_at"));
        assertEquals(Boolean.TRUE, column(l.loanId, "overdue_block"), "the stage reached is kept, for the record");

        // the copy turns up after all: the paid replacement cost is refunded, as before
        CheckoutTest.checkIn(l.site, l.lost.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("AVAILABLE"));
        given().auth().oauth2(l.token).when().get("/api/v1/patrons/" + l.patronId + "/fees").then()
                .body("find { it.id == '" + l.lostFeeId + "' }.status", equalTo("RETURNED"));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'REFUND' "
                + "AND amount = 8.00", UUID.fromString(l.lostFeeId)));
    }

    @Test
    void waivingTheLostFeeEndsTheBlock() throws Exception {
        LostLoan l = lostLoan();
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
