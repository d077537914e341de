package org.lrms.reporting.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.reporting.report.Downloads;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.reporting.TestEvents.awaitRecord;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;

/** Finished inventories on catalog.inventories.v1 show in the inventories report, each once. */
@QuarkusTest
class InventoryReportTest {

    private static final String YEAR = "&from=2026-07-01&to=2027-06-30";

    @Test
    void finishedInventoriesAreListedNewestFirstWithTheirCountsInTotalAndBySite() throws Exception {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        InventoryFinished fiction = finished(a, "LHS: call numbers FIC A to FIC M", "2026-10-01T16:00:00Z",
                "2026-10-02T23:30:00Z", 1200, 1150, 50, 3, 7);
        EventEnvelope fictionEvent = send(Topics.CATALOG_INVENTORIES, a, fiction.inventoryId(), fiction);
        // the same event delivered twice counts once
        send(Topics.CATALOG_INVENTORIES, fictionEvent);
        InventoryFinished whole = finished(a, "whole site " + a, "2027-05-10T15:00:00Z", "2027-05-20T22:00:00Z",
                9000, 8800, 200, 40, 12);
        send(Topics.CATALOG_INVENTORIES, a, fiction.inventoryId(), whole);
        send(Topics.CATALOG_INVENTORIES, b, fiction.inventoryId(), finished(b, "whole site " + b,
                "2026-09-01T15:00:00Z", "2026-09-03T20:00:00Z", 500, 499, 1, 0, 2));
        // finished the school year before: outside the period
        send(Topics.CATALOG_INVENTORIES, a, fiction.inventoryId(), finished(a, "whole site " + a,
                "2026-06-01T15:00:00Z", "2026-06-02T20:00:00Z", 8000, 7000, 1000, 0, 0));

        String query = "/api/v1/reports/inventories?site=" + a + "," + b + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.inventories", equalTo(3)));
        report(query)
                .body("totals.copiesInScope", equalTo(10700))
                .body("totals.scanned", equalTo(10449))
                .body("totals.missing", equalTo(251))
                .body("totals.found", equalTo(43))
                .body("totals.misplaced", equalTo(21))
                .body("inventories", hasSize(3))
                .body("inventories[0].inventoryId", equalTo(whole.inventoryId().toString()))
                .body("inventories[0].finishedAt", equalTo("2027-05-20T22:00:00Z"))
                .body("inventories[0].startedAt", equalTo("2027-05-10T15:00:00Z"))
                .body("inventories[1].scope", equalTo("LHS: call numbers FIC A to FIC M"))
                .body("inventories[1].missing", equalTo(50))
                .body("inventories[2].site", equalTo(b))
                .body("bySite.find { it.site == '" + a + "' }.counts.inventories", equalTo(2))
                .body("bySite.find { it.site == '" + a + "' }.lastFinishedAt", equalTo("2027-05-20T22:00:00Z"))
                .body("bySite.find { it.site == '" + b + "' }.counts.misplaced", equalTo(2))
                .body("freshness.topics.topic", equalTo(List.of(Topics.CATALOG_INVENTORIES)));
        // the period is the day an inventory finished, in the district's time zone (2026-10-02 16:30 there)
        report("/api/v1/reports/inventories?site=" + a + "&from=2026-10-02&to=2026-10-02")
                .body("totals.inventories", equalTo(1));

        String staff = TestTokens.siteStaff(a);
        String csv = given().auth().oauth2(staff)
                .when().get("/api/v1/reports/inventories?format=csv&site=" + a + YEAR)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("inventories-" + a + ".csv"))
                .extract().body().asString();
        assertTrue(csv.contains("LHS: call numbers FIC A to FIC M,2026-10-01 09:00,2026-10-02 16:30,1200,1150,50,3,7"),
                csv);
        byte[] xlsx = given().auth().oauth2(staff).accept(Downloads.XLSX)
                .when().get("/api/v1/reports/inventories?site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(250.0, book.getSheet("Totals").getRow(1).getCell(3).getNumericCellValue());
        }
        byte[] pdf = given().auth().oauth2(staff)
                .when().get("/api/v1/reports/inventories?format=pdf&site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.PDF).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void laterCountsAreShownWhenPublishedAndLeftUnknownForOlderEvents() throws Exception {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        InventoryFinished fiction = counted(a, "FIC A to FIC M", "2026-10-02T23:30:00Z", 1200, 1150, 50, 3, 7,
                300L, 4L, 2L, 5L);
        send(Topics.CATALOG_INVENTORIES, a, fiction.inventoryId(), fiction);
        InventoryFinished nonFiction = counted(a, "000 to 599", "2026-11-02T23:30:00Z", 800, 790, 10, 0, 1,
                0L, 1L, 0L, 3L);
        send(Topics.CATALOG_INVENTORIES, a, nonFiction.inventoryId(), nonFiction);
        // published before the catalog counted them: the fields are absent
        InventoryFinished old = finished(a, "whole site " + a, "2026-09-01T15:00:00Z", "2026-09-03T20:00:00Z", 100,
                90, 10, 1, 0);
        EventEnvelope oldEvent = EventJson.envelope("test", a, old.inventoryId().toString(), old);
        ((ObjectNode) oldEvent.payload()).remove(List.of("copiesSkipped", "notChecked", "scannedOnLoan",
                "unknownBarcodes"));
        send(Topics.CATALOG_INVENTORIES, oldEvent);
        InventoryFinished onlyOld = finished(b, "whole site " + b, "2026-09-01T15:00:00Z", "2026-09-03T20:00:00Z",
                500, 499, 1, 0, 2);
        send(Topics.CATALOG_INVENTORIES, b, onlyOld.inventoryId(), onlyOld);
        // a negative later count is refused, and changes nothing
        InventoryFinished negative = counted(a, "bad", "2026-10-05T23:30:00Z", 10, 10, 0, 0, 0, 0L, -1L, 0L, 0L);
        EventEnvelope negativeEvent = send(Topics.CATALOG_INVENTORIES, a, negative.inventoryId(), negative);

        String query = "/api/v1/reports/inventories?site=" + a + "," + b + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.inventories", equalTo(4)));
        ConsumerRecord<String, String> refused = awaitRecord(Topics.deadLetter(Topics.CATALOG_INVENTORIES),
                r -> r.value().contains(negativeEvent.eventId().toString()));
        String reason = new String(refused.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("has a negative count"), reason);
        report(query)
                .body("totals.copiesSkipped", equalTo(300))
                .body("totals.notChecked", equalTo(5))
                .body("totals.scannedOnLoan", equalTo(2))
                .body("totals.unknownBarcodes", equalTo(8))
                .body("totals.withoutLaterCounts", equalTo(2))
                .body("totals.missing", equalTo(71))
                .body("inventories.find { it.inventoryId == '" + fiction.inventoryId() + "' }.notChecked",
                        equalTo(4))
                .body("inventories.find { it.inventoryId == '" + nonFiction.inventoryId() + "' }.copiesSkipped",
                        equalTo(0))
                .body("inventories.find { it.inventoryId == '" + old.inventoryId() + "' }.copiesSkipped",
                        nullValue())
                .body("inventories.find { it.inventoryId == '" + old.inventoryId() + "' }.unknownBarcodes",
                        nullValue())
                .body("inventories.find { it.inventoryId == '" + old.inventoryId() + "' }.missing", equalTo(10))
                .body("bySite.find { it.site == '" + a + "' }.counts.unknownBarcodes", equalTo(8))
                .body("bySite.find { it.site == '" + a + "' }.counts.withoutLaterCounts", equalTo(1))
                // nothing known at b: unknown, not zero
                .body("bySite.find { it.site == '" + b + "' }.counts.notChecked", nullValue())
                .body("bySite.find { it.site == '" + b + "' }.counts.withoutLaterCounts", equalTo(1));
        report("/api/v1/reports/inventories?site=" + b + YEAR)
                .body("totals.copiesSkipped", nullValue()).body("totals.withoutLaterCounts", equalTo(1));

        String csv = given().auth().oauth2(TestTokens.siteStaff(a))
                .when().get("/api/v1/reports/inventories?format=csv&site=" + a + YEAR)
                .then().statusCode(200).contentType("text/csv").extract().body().asString();
        assertTrue(csv.contains("Copies skipped,Not checked,Scanned on loan,Unknown barcodes"), csv);
        assertTrue(csv.contains("FIC A to FIC M,2026-10-02 09:00,2026-10-02 16:30,1200,1150,50,3,7,300,4,2,5"), csv);
        assertTrue(csv.contains("whole site " + a + ",2026-09-01 08:00,2026-09-03 13:00,100,90,10,1,0,,,,\r\n"),
                csv);
        // totals: three inventories, the later counts of two, one without them
        assertTrue(csv.contains("3,2100,2030,70,4,8,300,5,2,8,1\r\n"), csv);
        byte[] xlsx = given().auth().oauth2(TestTokens.siteStaff(a)).accept(Downloads.XLSX)
                .when().get("/api/v1/reports/inventories?site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(8.0, book.getSheet("Totals").getRow(1).getCell(9).getNumericCellValue());
        }
        byte[] pdf = given().auth().oauth2(TestTokens.siteStaff(a))
                .when().get("/api/v1/reports/inventories?format=pdf&site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.PDF).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void unreadableInventoryResultsGoToTheDeadLetterTopicAndIngestionGoesOn() {
        String site = newSite();
        String key = "garbage-" + UUID.randomUUID();
        sendRaw(Topics.CATALOG_INVENTORIES, key, "{\"not\": \"an envelope\"");
        InventoryFinished bad = finished(site, "whole site", "2026-09-01T15:00:00Z", "2026-09-02T15:00:00Z", 10, 9,
                1, 0, 0);
        EventEnvelope unfinished = EventJson.envelope("test", site, bad.inventoryId().toString(), bad);
        ((ObjectNode) unfinished.payload()).putNull("finishedAt");
        send(Topics.CATALOG_INVENTORIES, unfinished);
        InventoryFinished good = finished(site, "whole site", "2026-09-01T15:00:00Z", "2026-09-02T15:00:00Z", 10,
                10, 0, 1, 0);
        send(Topics.CATALOG_INVENTORIES, site, good.inventoryId(), good);

        ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.CATALOG_INVENTORIES),
                r -> key.equals(r.key()));
        assertEquals("{\"not\": \"an envelope\"", dead.value());
        ConsumerRecord<String, String> refused = awaitRecord(Topics.deadLetter(Topics.CATALOG_INVENTORIES),
                r -> r.value().contains(unfinished.eventId().toString()));
        String reason = new String(refused.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("has no finishedAt"), reason);
        String query = "/api/v1/reports/inventories?site=" + site + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("totals.inventories", equalTo(1)));
        report(query).body("inventories[0].inventoryId", equalTo(good.inventoryId().toString()))
                .body("totals.found", equalTo(1));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(
                "/api/v1/reports/inventories?site=" + a + "," + b));
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).when().get("/api/v1/reports/inventories?from=2027-06-30&to=2026-08-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/inventories?to=June")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/inventories?site=NOSUCHSITE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("site"));
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/inventories?site=" + a + "," + b)
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/reports/inventories").then().statusCode(401);
        given().auth().oauth2(TestTokens.student(a)).when().get("/api/v1/reports/inventories?site=" + a)
                .then().statusCode(403);
    }

    static InventoryFinished finished(String site, String scope, String started, String finished, long inScope,
                                      long scanned, long missing, long found, long misplaced) {
        return new InventoryFinished(UUID.randomUUID(), site, scope, Instant.parse(started), Instant.parse(finished),
                inScope, scanned, missing, found, misplaced);
    }

    static InventoryFinished counted(String site, String scope, String finished, long inScope, long scanned,
                                     long missing, long found, long misplaced, Long skipped, Long notChecked,
                                     Long scannedOnLoan, Long unknownBarcodes) {
        Instant at = Instant.parse(finished);
        return new InventoryFinished(UUID.randomUUID(), site, scope, at.minus(Duration.ofHours(7).plusMinutes(30)),
                at, inScope, scanned, missing, found, misplaced, skipped, notChecked, scannedOnLoan, unknownBarcodes);
    }

    static ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }
}
