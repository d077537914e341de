package org.lrms.circulation.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.textbook.TextbookChargeCancelled;
import org.lrms.events.textbook.TextbookChargeRequested;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TextbookChargesTest {

    static void send(EventEnvelope envelope) {
        TestKafka.send(Topics.TEXTBOOK_CHARGES, envelope.aggregateId(), EventJson.write(envelope));
    }

    static TextbookChargeRequested charge(UUID chargeId, String patronId, String site, String amount) {
        return new TextbookChargeRequested(chargeId, UUID.fromString(patronId), site, "LOST", new BigDecimal(amount),
                "Algebra 1", "9780133281149", Fixtures.unique("T"), "not returned at year end",
                Instant.parse("2026-06-10T15:00:00Z"));
    }

    static List<Map<String, Object>> fees(String patronId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    @Test
    void aChargeIsBookedOnceAsATextbookFeeAndItsCancellationWaivesAndRefunds() throws Exception {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "10");
        UUID chargeId = UUID.randomUUID();
        EventEnvelope requested = EventJson.envelope("textbook-service", site, chargeId.toString(),
                charge(chargeId, patronId, site, "64.10"));
        send(requested);
        await().atMost(Duration.ofSeconds(30)).until(() -> fees(patronId).size() == 1);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().body("[0].kind", equalTo("TEXTBOOK")).body("[0].amount", equalTo(64.10f))
                .body("[0].status", equalTo("OPEN"));
        String feeId = (String) fees(patronId).get(0).get("id");
        List<EventEnvelope> feeEvents = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId, seen -> !seen.isEmpty());
        assertEquals("FeeAssessed", feeEvents.get(0).type());
        assertEquals("TEXTBOOK", EventJson.payload(feeEvents.get(0), FeeAssessed.class).fee().kind());

        // the same event again, and the same charge under a new event id: still one fee
        send(requested);
        send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                charge(chargeId, patronId, site, "64.10")));
        // a later marker charge on the same key proves the two repeats were consumed before it
        UUID marker = UUID.randomUUID();
        send(EventJson.envelope("textbook-service", site, chargeId.toString(), charge(marker, patronId, site, "1.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> fees(patronId).size() == 2);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee WHERE charge_id = ?", chargeId));

        // half of it is paid, then the book comes back: the rest is waived and the payment refunded
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("amount", "30.00", "method", "CASH", "feeId", feeId, "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                new TextbookChargeCancelled(chargeId, "the textbook came back")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(fees(patronId).stream()
                .filter(f -> feeId.equals(f.get("id"))).findFirst().orElseThrow().get("status")));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().body("feeBalance", equalTo(1.0f));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'REFUND' "
                + "AND amount = 30.00", UUID.fromString(feeId)));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'WAIVER' "
                + "AND amount = 34.10", UUID.fromString(feeId)));
    }

    @Test
    void unreadableChargesAndUnknownPatronsGoToTheDeadLetterTopicWithTheReason() {
        String marker = Fixtures.unique("garbage-");
        TestKafka.send(Topics.TEXTBOOK_CHARGES, "k-" + marker, "{not json " + marker);
        ConsumerRecord<String, String> dead = Fixtures.awaitRecords(Topics.deadLetter(Topics.TEXTBOOK_CHARGES),
                marker).get(0);
        assertEquals("k-" + marker, dead.key());

        String site = Fixtures.newSite();
        UUID chargeId = UUID.randomUUID();
        send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                charge(chargeId, UUID.randomUUID().toString(), site, "12.00")));
        ConsumerRecord<String, String> unknown = Fixtures.awaitRecords(Topics.deadLetter(Topics.TEXTBOOK_CHARGES),
                chargeId.toString()).get(0);
        String reason = new String(unknown.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("no patron"), reason);

        // consumption goes on: a good charge after the bad ones is booked
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "10");
        UUID good = UUID.randomUUID();
        send(EventJson.envelope("textbook-service", site, good.toString(), charge(good, patronId, site, "5.25")));
        await().atMost(Duration.ofSeconds(30)).until(() -> fees(patronId).size() == 1);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().body("", hasSize(1)).body("[0].amount", equalTo(5.25f));
    }
}
