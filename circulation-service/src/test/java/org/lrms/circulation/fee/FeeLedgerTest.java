package org.lrms.circulation.fee;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class FeeLedgerTest {

    @Inject
    AgroalDataSource db;

    private static String charge(String site, String patronId, String amount) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", amount, "note", "water damage"))
                .when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(201).body("balance", equalTo(Float.parseFloat(amount))).extract().path("id");
    }

    private static io.restassured.response.Response pay(String site, String patronId, String body) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patrons/" + patronId + "/payments");
    }

    private static Response pay(String token, String patronId, String body, String key) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/patrons/" + patronId + "/payments");
    }

    private static long payments(String feeId) {
        return Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'PAYMENT'",
                UUID.fromString(feeId));
    }

    private static float balance(String patronId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().extract().path("feeBalance");
    }

    @Test
    void partialPaymentThenAWaiverWithAReasonSettleAFeeInExactDecimals() {
        String site = Fixtures.newSite();
        Fixtures.supervisor(site);
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "7.50");

        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 2.25, \"method\": \"CASH\"}").then().statusCode(201)
                .body("receiptNo", startsWith("R-")).body("paid", equalTo(2.25f)).body("balance", equalTo(5.25f))
                .body("applied", hasSize(1));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(Map.of("amount", "1.25",
                        "reason", "first offence"))
                .when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(200).body("balance", equalTo(4.0f)).body("status", equalTo("OPEN"));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("reason", "returned in good order after repair"))
                .when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(200).body("balance", equalTo(0.0f)).body("status", equalTo("WAIVED"));
        assertEquals(0.0f, balance(patronId));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId, seen -> seen.size() >= 4);
        assertEquals(List.of("FeeAssessed", "FeePaid", "FeeWaived", "FeeWaived"),
                events.stream().map(EventEnvelope::type).toList());
        FeePaid paid = EventJson.payload(events.get(1), FeePaid.class);
        assertEquals(new BigDecimal("2.25"), paid.paid());
        assertEquals(new BigDecimal("5.25"), paid.fee().balance());
        assertEquals("9", paid.fee().patronGrade());
        assertEquals("first offence", EventJson.payload(events.get(2), FeeWaived.class).reason());
    }

    @Test
    void aPaymentGoesToTheOldestFeesFirst() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String first = charge(site, patronId, "3.00");
        String second = charge(site, patronId, "4.00");
        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 5.00, \"method\": \"CARD\"}").then().statusCode(201)
                .body("applied[0].feeId", equalTo(first)).body("applied[0].feeBalance", equalTo(0.0f))
                .body("applied[1].feeId", equalTo(second)).body("applied[1].feeBalance", equalTo(2.0f))
                .body("balance", equalTo(2.0f));
    }

    @Test
    void negativePaymentsPaymentsAboveTheBalanceAndWaiversWithoutReasonChangeNothing() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "4.00");
        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": -1.00, \"method\": \"CASH\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 4.01, \"method\": \"CASH\"}").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("payment-above-balance"));
        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 1.001, \"method\": \"CASH\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        pay(site, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": \"ten\", \"method\": \"CASH\"}").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(Map.of("amount", "1.00"))
                .when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        assertEquals(4.0f, balance(patronId));
    }

    @Test
    void staffOfAnotherSiteCannotTouchTheAccount() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "4.00");
        pay(other, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 1.00, \"method\": \"CASH\"}").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON)
                .body(Map.of("reason", "because")).when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(403);
        given().when().get("/api/v1/patrons/" + patronId + "/fees").then().statusCode(401);
        assertEquals(4.0f, balance(patronId));
    }

    @Test
    void aPaymentRetriedWithTheSameKeyBooksOnceAndAnswersTheSameReceipt() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "7.50");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        String body = "{\"siteCode\": \"" + site + "\", \"amount\": 2.00, \"method\": \"CASH\"}";

        Response first = pay(token, patronId, body, key);
        first.then().statusCode(201).contentType(ContentType.JSON).body("receiptNo", startsWith("R-"))
                .body("balance", equalTo(5.5f));
        // the desk timed out and sends the same payment again: the same receipt, nothing booked twice
        Response retry = pay(token, patronId, body, key);
        retry.then().statusCode(201).contentType(ContentType.JSON);
        assertEquals(first.asString(), retry.asString());
        assertEquals(5.5f, balance(patronId));
        assertEquals(1, payments(feeId));

        // another payment (another key) is booked; so is another staff member's request with the same key
        String second = pay(token, patronId, body, UUID.randomUUID().toString()).then().statusCode(201)
                .body("balance", equalTo(3.5f)).extract().path("receiptNo");
        assertNotEquals(first.path("receiptNo"), second);
        String colleague = TestTokens.token("clerk." + site.toLowerCase(), Set.of("site-staff"), List.of(site));
        pay(colleague, patronId, body, key).then().statusCode(201).body("balance", equalTo(1.5f));
        assertEquals(1.5f, balance(patronId));
        assertEquals(3, payments(feeId));

        // the same key for another patron's payment is that patron's payment, not the first receipt again
        String otherPatron = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String otherFee = charge(site, otherPatron, "4.00");
        pay(token, otherPatron, body, key).then().statusCode(201).body("patronId", equalTo(otherPatron))
                .body("balance", equalTo(2.0f));
        assertEquals(1, payments(otherFee));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId, seen -> seen.size() >= 4);
        assertEquals(List.of("FeeAssessed", "FeePaid", "FeePaid", "FeePaid"),
                events.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aChargeRetriedWithTheSameKeyChargesOnceAndAnswersTheSameFee() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("siteCode", site, "kind", "DAMAGED", "amount", "3.40", "note", "torn page");

        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(201).contentType(ContentType.JSON).body("balance", equalTo(3.4f))
                .extract().asString();
        // the desk timed out and sends the same charge again: the same fee, nothing charged twice
        String retry = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(201).contentType(ContentType.JSON).extract().asString();
        assertEquals(first, retry);
        assertEquals(3.4f, balance(patronId));
        // the same key for another charge is refused and charges nothing
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "5.00"))
                .when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"));
        assertEquals(3.4f, balance(patronId));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee WHERE patron_id = ?", UUID.fromString(patronId)));
        // without a key every charge is a charge of its own
        charge(site, patronId, "1.00");
        assertEquals(4.4f, balance(patronId));
    }

    @Test
    void aRefusedPaymentDoesNotKeepItsKey() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "4.00");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        pay(token, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 4.01, \"method\": \"CASH\"}", key).then().statusCode(422)
                .body("code", equalTo("payment-above-balance"));
        // the refusal rolled its claim back: the corrected payment with the same key is booked
        pay(token, patronId, "{\"siteCode\": \"" + site + "\", \"amount\": 4.00, \"method\": \"CASH\"}", key).then().statusCode(201)
                .body("balance", equalTo(0.0f));
        assertEquals(1, payments(feeId));
    }

    @Test
    void twoDesksSendingTheSamePaymentAtOnceBookItOnce() throws Exception {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "7.50");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        String body = "{\"siteCode\": \"" + site + "\", \"amount\": 2.00, \"method\": \"CARD\"}";

        // another transaction holds the patron's row: both requests wait, then run one after the other
        ExecutorService desks = Executors.newFixedThreadPool(2);
        List<Response> answers = new ArrayList<>();
        try (Connection other = db.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("SELECT 1 FROM patron WHERE id = ? FOR UPDATE")) {
                s.setObject(1, UUID.fromString(patronId));
                s.executeQuery().close();
            }
            List<Future<Response>> sent = List.of(desks.submit(() -> pay(token, patronId, body, key)),
                    desks.submit(() -> pay(token, patronId, body, key)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock() >= 2);
            other.commit();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            desks.shutdownNow();
        }
        answers.get(0).then().statusCode(201);
        answers.get(1).then().statusCode(201);
        assertEquals(answers.get(0).asString(), answers.get(1).asString());
        assertEquals(1, payments(feeId));
        assertEquals(5.5f, balance(patronId));
    }

    @Test
    void aWaiverRetriedWithTheSameKeyWaivesOnce() {
        String site = Fixtures.newSite();
        Fixtures.supervisor(site);
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "6.00");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("amount", "2.00", "reason", "first offence"))
                    .when().post("/api/v1/fees/" + feeId + "/waivers")
                    .then().statusCode(200).body("balance", equalTo(4.0f)).extract().asString());
        }
        assertEquals(answers.get(0), answers.get(1));
        assertEquals(4.0f, balance(patronId));
        // a full waiver retried answers the waiver again, not a 409 for a fee no longer open
        String full = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", full)
                    .body(Map.of("reason", "returned in good order"))
                    .when().post("/api/v1/fees/" + feeId + "/waivers")
                    .then().statusCode(200).body("status", equalTo("WAIVED")).body("balance", equalTo(0.0f));
        }
        assertEquals(2, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'WAIVER'",
                UUID.fromString(feeId)));
    }

    private long waitingOnALock() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void yearEndBulkWaiverClearsAGradeAtASite() {
        String site = Fixtures.newSite();
        String senior = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "12");
        String junior = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "11");
        charge(site, senior, "6.00");
        charge(site, junior, "6.00");
        Map<String, String> body = Map.of("siteCode", site, "grade", "12", "reason", "class of 2027 graduates");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/fees/bulk-waivers").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/fees/bulk-waivers").then().statusCode(200).body("waived", equalTo(1));
        assertEquals(0.0f, balance(senior));
        assertEquals(6.0f, balance(junior));
    }
}
