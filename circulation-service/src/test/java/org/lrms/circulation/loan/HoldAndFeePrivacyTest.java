package org.lrms.circulation.loan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The privacy policy beyond loans: closed holds lose their patron after the policy's period, and settled fees after
 * the finance retention, keeping what statistics and the ledger need.
 */
@QuarkusTest
class HoldAndFeePrivacyTest {

    @Inject
    LoanPrivacy privacy;

    private static void policy(String body) {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/privacy-policy").then().statusCode(200);
    }

    private static String placeHold(String token, String patron, UUID titleId, String pickup) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", patron, "titleId", titleId.toString(), "pickupSite", pickup))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> holdRow(String holdId) {
        return Fixtures.row("SELECT * FROM hold WHERE id = ?", UUID.fromString(holdId));
    }

    private static Map<String, Object> feeRow(String feeId) {
        return Fixtures.row("SELECT * FROM fee WHERE id = ?", UUID.fromString(feeId));
    }

    @Test
    void aClosedHoldLosesItsPatronAfterThePolicysPeriodAndKeepsItsStatistics() {
        policy("{\"keepClosedLoansDays\": 0, \"keepClosedHoldsDays\": 30}");
        try {
            String site = Fixtures.newSite();
            String token = TestTokens.siteStaff(site);
            String patron = Fixtures.unique("P");
            String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
            CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
            CopySnapshot other = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
            String cancelled = placeHold(token, patron, copy.titleId(), site);
            String open = placeHold(token, patron, other.titleId(), site);
            given().auth().oauth2(token).when().delete("/api/v1/holds/" + cancelled).then().statusCode(200);

            privacy.anonymizeClosedHolds(Instant.now().plus(Duration.ofDays(29)));
            assertEquals(UUID.fromString(patronId), holdRow(cancelled).get("patron_id"), "kept for 30 days");

            privacy.anonymizeClosedHolds(Instant.now().plus(Duration.ofDays(31)));
            Map<String, Object> row = holdRow(cancelled);
            assertNull(row.get("patron_id"));
            assertNull(row.get("patron_key"));
            assertEquals(copy.titleId(), row.get("title_id"));
            assertEquals(site, row.get("pickup_site"));
            assertEquals("STUDENT", row.get("patron_type"));
            assertEquals("7", row.get("patron_grade"));
            assertEquals("CANCELLED", row.get("status"));
            assertNotNull(row.get("placed_at"));
            assertNotNull(row.get("closed_at"));
            // an open hold keeps its patron; staff still read the anonymized one
            assertEquals(UUID.fromString(patronId), holdRow(open).get("patron_id"));
            assertNotNull(holdRow(open).get("patron_key"));
            given().auth().oauth2(token).when().get("/api/v1/holds/" + cancelled).then().statusCode(200)
                    .body("patronId", equalTo(null)).body("status", equalTo("CANCELLED"));
        } finally {
            policy("{\"keepClosedLoansDays\": 0, \"keepClosedHoldsDays\": 0}");
        }
    }

    @Test
    void aSettledFeeKeepsItsPatronForTheFinanceRetentionThenOnlyItsAmountsAndDates() {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/privacy-policy").then()
                .body("keepSettledFeesDays", equalTo(365)).body("keepClosedHoldsDays", equalTo(0));
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String paid = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "5.00", "note", "torn cover"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("amount", "5.00", "method", "CASH", "feeId", paid, "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        String open = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "2.00", "note", "stain"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201).extract().path("id");

        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(364)));
        assertEquals(UUID.fromString(patronId), feeRow(paid).get("patron_id"), "kept for the finance retention");
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees").then().body("$", hasSize(2));

        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(366)));
        Map<String, Object> row = feeRow(paid);
        assertNull(row.get("patron_id"));
        assertEquals(new BigDecimal("5.00"), row.get("amount"));
        assertEquals(new BigDecimal("0.00"), row.get("balance"));
        assertEquals("PAID", row.get("status"));
        assertEquals(site, row.get("site_code"));
        assertEquals("DAMAGED", row.get("kind"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'PAYMENT'",
                UUID.fromString(paid)), "the money trail stays");
        assertEquals(0, Fixtures.count("SELECT count(*) FROM notice WHERE fee_id = ?", UUID.fromString(paid)));
        // the open fee stays the patron's; the detached one is no longer listed under the patron
        assertEquals(UUID.fromString(patronId), feeRow(open).get("patron_id"));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees").then()
                .body("$", hasSize(1)).body("[0].id", equalTo(open));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().body("feeBalance", equalTo(2.0f));
        // a settled fee detached is not open: a waiver is refused as before, naming its status
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "late reconsideration")).when().post("/api/v1/fees/" + paid + "/waivers")
                .then().statusCode(409).body("code", equalTo("fee-not-open"));
    }

    @Test
    void aSettledFeeWhoseLoanIsStillOpenKeepsItsPatronUntilTheLoanCloses() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        // as a lost item's fee paid while the copy is still out: a return would refund it to the borrower
        String feeId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "OTHER", "amount", "3.00", "note", "replacement case"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201).extract().path("id");
        Fixtures.update("UPDATE fee SET loan_id = ? WHERE id = ?", UUID.fromString(loanId), UUID.fromString(feeId));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("amount", "3.00", "method", "CASH", "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);

        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(366)));
        assertEquals(UUID.fromString(patronId), feeRow(feeId).get("patron_id"), "its loan is open");

        CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200);
        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(366)));
        assertNull(feeRow(feeId).get("patron_id"));
    }

    @Test
    void thePeriodsAreValidatedAndLeftAsTheyAreWhenNotGiven() {
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"keepClosedLoansDays\": 0, \"keepSettledFeesDays\": -1}")
                .when().put("/api/v1/privacy-policy").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("keepSettledFeesDays"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"keepClosedLoansDays\": 0, \"keepClosedHoldsDays\": 3651}")
                .when().put("/api/v1/privacy-policy").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"keepClosedLoansDays\": 0, \"keepSettledFeesDays\": 730}")
                .when().put("/api/v1/privacy-policy").then().statusCode(200)
                .body("keepSettledFeesDays", equalTo(730)).body("keepClosedHoldsDays", equalTo(0));
        try {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": 0}")
                    .when().put("/api/v1/privacy-policy").then().statusCode(200)
                    .body("keepSettledFeesDays", equalTo(730));
        } finally {
            policy("{\"keepClosedLoansDays\": 0, \"keepSettledFeesDays\": 365}");
        }
    }
}
