package org.lrms.catalog;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sites from Kafka, titles and copies through the API, and events read back from Kafka, for the module's tests. */
public final class CatalogFixtures {

    private static final Set<String> KNOWN_SITES = ConcurrentHashMap.newKeySet();

    private CatalogFixtures() {
    }

    /** Publishes the site as circulation would and waits until the catalog's replica holds it. */
    public static String site(String code) {
        if (KNOWN_SITES.contains(code)) {
            return code;
        }
        String type = "DISTRICT".equals(code) ? "DISTRICT" : "HIGH";
        send(Topics.CIRCULATION_SITES, code, EventJson.write(EventJson.envelope("circulation-service", code, code,
                new SiteUpserted(code, code + " school", type, null, true))));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .get("/api/v1/sites").then().extract().jsonPath().getList("code").contains(code));
        KNOWN_SITES.add(code);
        return code;
    }

    public static void send(String topic, String key, String value) {
        TestKafka.send(topic, key, value);
    }

    public static String title(String name) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", name, "authors", List.of("Test Author"), "materialType", "BOOK",
                        "deweyNumber", "813.54"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
    }

    /** A copy of the title at the site, added by district staff; answers its barcode. */
    public static String copy(String titleId, String siteCode) {
        String barcode = uniqueBarcode();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("siteCode", siteCode, "barcode", barcode))
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);
        return barcode;
    }

    public static String uniqueBarcode() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36).toUpperCase();
    }

    public static String uniqueSiteCode() {
        return "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** The first event on {@code topic} keyed {@code key} that matches. */
    public static EventEnvelope awaitEvent(String topic, String key, Predicate<EventEnvelope> matching) {
        return TestKafka.awaitEvent(topic, key, matching);
    }

    /** Raw records of a topic keyed {@code key} (e.g. a dead-letter topic), once at least one is there. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key) {
        return TestKafka.awaitRecords(topic, r -> key.equals(r.key()), seen -> !seen.isEmpty());
    }

    /** Waits until {@code consumer} has committed its handling of the event (applied, or found older and ignored). */
    public static void awaitProcessed(String consumer, UUID eventId) {
        javax.sql.DataSource db = io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (java.sql.Connection c = db.getConnection(); java.sql.PreparedStatement q = c.prepareStatement(
                    "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
                q.setString(1, consumer);
                q.setObject(2, eventId);
                try (java.sql.ResultSet rows = q.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The value of a record header (e.g. a dead letter's {@code dead-letter-reason}), or "". */
    public static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
