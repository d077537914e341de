package org.lrms.circulation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test data through the public API and real Kafka: sites, patrons, catalog copies. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The single number a query with one parameter answers, read straight from the service's database. */
    public static long count(String sql, Object param) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The row a query with one parameter answers, column by column (timestamps as instants), read straight from the
     * service's database: to compare whole rows before and after a desk transaction.
     */
    public static Map<String, Object> row(String sql, Object param) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no row for " + param);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    row.put(r.getMetaData().getColumnName(i), value instanceof Timestamp t ? t.toInstant() : value);
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes straight to the service's database (as another writer would); answers the rows changed. */
    public static int update(String sql, Object... params) {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh site code, so tests sharing one database never see each other's data. */
    public static String newSite() {
        String code = "S" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "School " + code, "siteType", "HIGH"))
                .when().post("/api/v1/sites").then().statusCode(201);
        return code;
    }

    /**
     * Makes the site's technician ({@code TestTokens.siteStaff(site)}) its supervisor: grants the desk permissions
     * {@code override-refusal} and {@code waive-fees} at the site, as a district admin would.
     */
    public static void supervisor(String site) {
        grant("tech." + site.toLowerCase(Locale.ROOT), site, "override-refusal");
        grant("tech." + site.toLowerCase(Locale.ROOT), site, "waive-fees");
    }

    /** Grants a desk permission through the API (201 new, 200 held already). */
    public static void grant(String username, String site, String permission) {
        int status = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "siteCode", site, "permission", permission))
                .when().post("/api/v1/staff-permissions").then().extract().statusCode();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("grant of " + permission + " answered " + status);
        }
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Creates a patron and answers its id. */
    public static String newPatron(String site, String barcode, String patronType, String grade) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(patronJson(site, barcode, patronType, grade))
                .when().post("/api/v1/patrons").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> patronJson(String site, String barcode, String patronType, String grade) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("barcode", barcode, "firstName", "Ana",
                "lastName", "Lopez", "patronType", patronType, "homeSite", site, "homeroom", "Room 12",
                "language", "es"));
        if (grade != null) {
            body.put("grade", grade);
        }
        return body;
    }

    public static CopySnapshot copy(String site, String barcode, UUID titleId, String circulationType,
                                    String price) {
        return new CopySnapshot(UUID.randomUUID(), barcode, titleId, "Holes", "Louis Sachar", site, "AVAILABLE",
                circulationType, "BOOK", "FIC", "FIC SAC", "Fiction", price == null ? null : new BigDecimal(price),
                LocalDate.of(2020, 1, 1), "district", "GOOD", List.of(), 2000, "FIC SAC");
    }

    /** Publishes a CopyAdded as the catalog would and waits for the replica to hold it. */
    public static CopySnapshot addCopy(String site, String barcode, UUID titleId, String circulationType,
                                       String price) {
        CopySnapshot snapshot = copy(site, barcode, titleId, circulationType, price);
        send(EventJson.envelope("catalog-service", site, snapshot.copyId().toString(), new CopyAdded(snapshot)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/copies/" + barcode).statusCode() == 200);
        return snapshot;
    }

    public static void send(EventEnvelope envelope) {
        sendRaw(envelope.aggregateId(), EventJson.write(envelope));
    }

    public static void sendRaw(String key, String value) {
        TestKafka.send(Topics.CATALOG_COPIES, key, value);
    }

    /** Waits for the events of {@code topic} keyed {@code key} until {@code done} holds, and answers them. */
    public static List<EventEnvelope> awaitEvents(String topic, String key, Predicate<List<EventEnvelope>> done) {
        return TestKafka.awaitEvents(topic, key, done);
    }

    /** Raw records of a topic whose value contains {@code marker}, e.g. from a dead-letter topic. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String marker) {
        return TestKafka.awaitRecords(topic, r -> r.value() != null && r.value().contains(marker),
                seen -> !seen.isEmpty());
    }

    /** A policy rule as the API takes it: 5 items, 1 renewal, 0.10 a day up to 5.00, 30 days to lost. */
    public static Map<String, Object> policyRule(String site, String patronType, String circulationType, int days) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("siteCode", site);
        body.put("patronType", patronType);
        body.put("circulationType", circulationType);
        body.put("loanDays", days);
        body.put("maxItems", 5);
        body.put("renewalsAllowed", 1);
        body.put("graceDays", 0);
        body.put("finePerDay", "0.10");
        body.put("maxFine", "5.00");
        body.put("lostAfterDays", 30);
        body.put("processingFee", "2.50");
        body.put("holdsAllowed", true);
        body.put("holdShelfDays", 5);
        return body;
    }
}
