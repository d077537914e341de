package org.lrms.circulation.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.circulation.loan.LoanPrivacy;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeDetached;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.textbook.TextbookChargeCancelled;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A settled fee past the finance retention has no patron (LoanPrivacy), and says so ({@code FeeDetached}): the
 * district's ledger still reads it, its receipt says why it can no longer be printed, and a textbook charge cancelled
 * afterwards is still refunded.
 */
@QuarkusTest
class DetachedFeeTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Inject
    LoanPrivacy privacy;

    @Test
    void aDetachedFeeIsInTheLedgerItsReceiptIsGoneAndACancelledChargeIsStillRefunded() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "10");
        UUID chargeId = UUID.randomUUID();
        TextbookChargesTest.send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                TextbookChargesTest.charge(chargeId, patronId, site, "20.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TextbookChargesTest.fees(patronId).size() == 1);
        UUID feeId = (UUID) Fixtures.row("SELECT id FROM fee WHERE charge_id = ?", chargeId).get("id");
        String receiptNo = given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("amount", "20.00", "method", "CARD", "feeId", feeId.toString(), "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201)
                .extract().path("receiptNo");

        privacy.detachSettledFees(Instant.now().plus(Duration.ofDays(366)));
        assertNull(Fixtures.row("SELECT patron_id FROM fee WHERE id = ?", feeId).get("patron_id"));
        // announced, so that reporting forgets whose fee it was too
        List<EventEnvelope> detached = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId.toString(),
                seen -> seen.stream().anyMatch(e -> e.type().equals("FeeDetached")));
        FeeDetached event = EventJson.payload(detached.stream().filter(e -> e.type().equals("FeeDetached"))
                .findFirst().orElseThrow(), FeeDetached.class);
        assertEquals(feeId, event.feeId());
        assertEquals(site, event.siteCode());

        String today = LocalDate.now(LA).toString();
        JsonPath ledger = given().auth().oauth2(TestTokens.integration())
                .when().get("/api/v1/ledger?from=" + today + "&to=" + today + "&siteCode=" + site)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(receiptNo), ledger.getList("movements.receiptNo"));
        assertNull(ledger.get("movements[0].patronId"));
        assertEquals(20.0f, ledger.getFloat("movements[0].amount"));

        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/receipts/" + receiptNo)
                .then().statusCode(410).contentType("application/problem+json")
                .body("code", equalTo("receipt-past-retention"));

        TextbookChargesTest.send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                new TextbookChargeCancelled(chargeId, "the textbook came back")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                "SELECT count(*) FROM fee WHERE id = ? AND status = 'CANCELLED'", feeId) == 1);
        assertEquals(1, Fixtures.count(
                "SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'REFUND' AND amount = 20.00", feeId));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId.toString(),
                seen -> seen.stream().anyMatch(e -> e.type().equals("FeeRefunded")));
        FeeRefunded refunded = EventJson.payload(events.stream().filter(e -> e.type().equals("FeeRefunded"))
                .findFirst().orElseThrow(), FeeRefunded.class);
        assertEquals(0, new BigDecimal("20.00").compareTo(refunded.refunded()));
        assertNull(refunded.fee().patronKey(), "a detached fee tells no patron");
    }
}
