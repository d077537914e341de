package org.lrms.reporting.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.testkit.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.reporting.Fixtures.copy;
import static org.lrms.reporting.TestEvents.awaitRecord;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;

@QuarkusTest
class DeadLetterTest {

    @Test
    void recordThatIsNotAnEventGoesToTheDeadLetterTopicWithItsReasonAndIngestionGoesOn() {
        String key = "garbage-" + UUID.randomUUID();
        sendRaw(Topics.CATALOG_COPIES, key, "this is not an event {");
        String site = newSite();
        UUID c = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, site, c, new CopyAdded(copy(c, UUID.randomUUID(), site, "BOOK", "500", 2000,
                "5.00", LocalDate.of(2026, 9, 1))));

        ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.CATALOG_COPIES),
                r -> key.equals(r.key()));
        assertEquals("this is not an event {", dead.value());
        assertTrue(header(dead, "dead-letter-reason").contains("not an LRMS event envelope"),
                header(dead, "dead-letter-reason"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> copies(site).body("copies", equalTo(1)));
    }

    @Test
    void eventMissingWhatTheProjectionNeedsIsDeadLetteredAndChangesNothing() {
        String site = newSite();
        UUID copyId = UUID.randomUUID();
        // a CopyAdded whose payload has no copy at all
        EventEnvelope empty = new EventEnvelope(UUID.randomUUID(), "CopyAdded", 1, Instant.now(), "test", site,
                copyId.toString(), JsonNodeFactory.instance.objectNode());
        send(Topics.CATALOG_COPIES, empty);
        // a CopyAdded whose copy has a text where a number belongs
        EventEnvelope wrong = EventJson.envelope("test", site, copyId.toString(), new CopyAdded(copy(copyId,
                UUID.randomUUID(), site, "BOOK", "500", 2000, "5.00", LocalDate.of(2026, 9, 1))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.payload().get("copy")).put("price", "cheap");
        send(Topics.CATALOG_COPIES, wrong);
        String marker = newSite();
        UUID m = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, marker, m, new CopyAdded(copy(m, UUID.randomUUID(), marker, "BOOK", "500", 2000,
                "5.00", LocalDate.of(2026, 9, 1))));

        ConsumerRecord<String, String> first = awaitRecord(Topics.deadLetter(Topics.CATALOG_COPIES),
                r -> r.value().contains(empty.eventId().toString()));
        assertTrue(header(first, "dead-letter-reason").contains("has no copy"), header(first, "dead-letter-reason"));
        ConsumerRecord<String, String> second = awaitRecord(Topics.deadLetter(Topics.CATALOG_COPIES),
                r -> r.value().contains(wrong.eventId().toString()));
        assertTrue(header(second, "dead-letter-reason").contains("is not a CopyAdded"),
                header(second, "dead-letter-reason"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> copies(marker).body("copies", equalTo(1)));
        // neither bad event made the site known, nor added a copy
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/collection?site=" + site)
                .then().statusCode(400).body("code", equalTo("unknown-site"));
    }

    @Test
    void unknownEventTypesAreSkippedAndCounted() {
        long before = skipped();
        String site = newSite();
        EventEnvelope future = new EventEnvelope(UUID.randomUUID(), "CopyRepainted", 1, Instant.now(), "test", site,
                UUID.randomUUID().toString(), JsonNodeFactory.instance.objectNode().put("colour", "blue"));
        send(Topics.CATALOG_COPIES, future);
        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() == before + 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("outcome=\"skipped\""));
    }

    static long skipped() {
        Number n = given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/freshness")
                .then().statusCode(200)
                .extract().path("topics.find { it.topic == 'catalog.copies.v1' }.skipped");
        return n == null ? 0 : n.longValue();
    }

    static io.restassured.response.ValidatableResponse copies(String site) {
        return given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/collection?site=" + site).then().statusCode(200);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
