package org.lrms.circulation.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FeeLedgerTest {

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

    private static float balance(String patronId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().extract().path("feeBalance");
    }

    @Test
    void partialPaymentThenAWaiverWithAReasonSettleAFeeInExactDecimals() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "7.50");

        pay(site, patronId, "{\"amount\": 2.25, \"method\": \"CASH\"}").then().statusCode(201)
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
        pay(site, patronId, "{\"amount\": 5.00, \"method\": \"CARD\"}").then().statusCode(201)
                .body("applied[0].feeId", equalTo(first)).body("applied[0].feeBalance", equalTo(0.0f))
                .body("applied[1].feeId", equalTo(second)).body("applied[1].feeBalance", equalTo(2.0f))
                .body("balance", equalTo(2.0f));
    }

    @Test
    void negativePaymentsPaymentsAboveTheBalanceAndWaiversWithoutReasonChangeNothing() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String feeId = charge(site, patronId, "4.00");
        pay(site, patronId, "{\"amount\": -1.00, \"method\": \"CASH\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("amount"));
        pay(site, patronId, "{\"amount\": 4.01, \"method\": \"CASH\"}").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("payment-above-balance"));
        pay(site, patronId, "{\"amount\": 1.001, \"method\": \"CASH\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("amount"));
        pay(site, patronId, "{\"amount\": \"ten\", \"method\": \"CASH\"}").then().statusCode(400)
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
        pay(other, patronId, "{\"amount\": 1.00, \"method\": \"CASH\"}").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON)
                .body(Map.of("reason", "because")).when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(403);
        given().when().get("/api/v1/patrons/" + patronId + "/fees").then().statusCode(401);
        assertEquals(4.0f, balance(patronId));
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
