package org.lrms.catalog.receipt;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.events.acquisitions.OrderedTitle;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReceiptEventsTest {

    static final String CONSUMER = "catalog-receipts";

    @Test
    void aLibraryLineBecomesCopiesInProcessingWithPriceDateAndFundOnce() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String titleId = CatalogFixtures.title("Bridge to Terabithia");
        String first = CatalogFixtures.uniqueBarcode();
        String second = CatalogFixtures.uniqueBarcode();
        ItemsReceived line = line(site, ItemsReceived.LIBRARY, 2, new OrderedTitle(UUID.fromString(titleId),
                "Bridge to Terabithia", List.of("Paterson, Katherine"), List.of(), null, null, null),
                List.of(first, second));

        EventEnvelope event = send(line);
        await().atMost(Duration.ofSeconds(30)).until(() -> copies(titleId, site).size() == 2);
        for (String barcode : List.of(first, second)) {
            given().auth().oauth2(TestTokens.siteStaff(site)).get("/api/v1/copies/" + barcode).then().statusCode(200)
                    .body("status", equalTo("IN_PROCESSING")).body("siteCode", equalTo(site))
                    .body("titleId", equalTo(titleId)).body("price", equalTo(12.95f))
                    .body("acquiredOn", equalTo("2026-09-01")).body("fundingSource", equalTo("LIB-GEN-2027"));
        }
        String copyId = given().auth().oauth2(TestTokens.siteStaff(site)).get("/api/v1/copies/" + first)
                .then().extract().path("id");
        EventEnvelope added = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId, e -> e.type().equals("CopyAdded"));
        assertEquals("IN_PROCESSING", EventJson.payload(added, CopyAdded.class).copy().status());
        assertEquals("LIB-GEN-2027", EventJson.payload(added, CopyAdded.class).copy().fundingSource());

        // the same event again, and the same receipt line under a new event id (a republish, a restart): no more
        send(event);
        EventEnvelope again = send(line);
        CatalogFixtures.awaitProcessed(CONSUMER, again.eventId());
        assertEquals(2, copies(titleId, site).size());
    }

    @Test
    void theTitleIsFoundByIsbnInEitherFormOrCreatedAndBarcodesComeFromTheSiteRange() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("prefix", site, "firstNumber", 1, "lastNumber", 999, "digits", 4))
                .put("/api/v1/sites/" + site + "/barcode-range").then().statusCode(200);
        String isbn10 = isbn10();
        String isbn13 = to13(isbn10);
        String existing = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Esperanza Rising", "isbns", List.of(isbn13)))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");

        send(line(site, ItemsReceived.LIBRARY, 3, new OrderedTitle(null, "Esperanza rising (paperback)",
                List.of("Ryan, Pam Muñoz"), List.of(isbn10), "Scholastic", 2002, "BOOK"), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> copies(existing, site).size() == 3);
        assertEquals(List.of(site + "0001", site + "0002", site + "0003"),
                copies(existing, site).stream().map(c -> (String) c.get("barcode")).sorted().toList());

        String newIsbn = to13(isbn10());
        send(line(site, ItemsReceived.LIBRARY, 1, new OrderedTitle(null, "El Deafo", List.of("Bell, Cece"),
                List.of(newIsbn, "978-0-00-000000-0"), "Amulet", 2014, "BOOK"), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !titlesWithIsbn(newIsbn).isEmpty());
        Map<String, Object> created = titlesWithIsbn(newIsbn).get(0);
        assertEquals("El Deafo", created.get("title"));
        assertEquals(List.of("Bell, Cece"), created.get("authors"));
        await().atMost(Duration.ofSeconds(30)).until(() -> copies((String) created.get("id"), site).size() == 1);
        assertEquals(site + "0004", copies((String) created.get("id"), site).get(0).get("barcode"));
    }

    @Test
    void textbookLinesAreLeftToTheTextbookService() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String isbn = to13(isbn10());
        EventEnvelope event = send(line(site, ItemsReceived.TEXTBOOK, 30, new OrderedTitle(null, "Algebra 1",
                List.of(), List.of(isbn), "Pearson", 2024, "BOOK"), null));
        CatalogFixtures.awaitProcessed(CONSUMER, event.eventId());
        assertTrue(titlesWithIsbn(isbn).isEmpty(), "no title, no copies");
    }

    @Test
    void impossibleOrUnreadableReceiptsGoToTheDeadLetterTopicWithTheReason() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String titleId = CatalogFixtures.title("Dead letters");
        String badKey = "bad-" + UUID.randomUUID();
        TestKafka.send(Topics.ACQUISITIONS_RECEIPTS, badKey, "{not json");

        ItemsReceived unknownSite = line("NOWHERE", ItemsReceived.LIBRARY, 1,
                new OrderedTitle(UUID.fromString(titleId), null, null, null, null, null, null), null);
        send(unknownSite);
        ItemsReceived tooFewBarcodes = line(site, ItemsReceived.LIBRARY, 3,
                new OrderedTitle(UUID.fromString(titleId), null, null, null, null, null, null),
                List.of(CatalogFixtures.uniqueBarcode()));
        send(tooFewBarcodes);
        ItemsReceived noRange = line(site, ItemsReceived.LIBRARY, 1,
                new OrderedTitle(UUID.fromString(titleId), null, null, null, null, null, null), null);
        send(noRange);

        String dlt = Topics.deadLetter(Topics.ACQUISITIONS_RECEIPTS);
        assertEquals("{not json", CatalogFixtures.awaitRecords(dlt, badKey).get(0).value());
        assertTrue(reason(dlt, unknownSite).contains("site NOWHERE is not known"), reason(dlt, unknownSite));
        assertTrue(reason(dlt, tooFewBarcodes).contains("1 barcodes for 3 items"), reason(dlt, tooFewBarcodes));
        assertTrue(reason(dlt, noRange).contains("no barcode range"), reason(dlt, noRange));
        assertEquals(0, copies(titleId, site).size(), "nothing half-done");
    }

    private static String reason(String dlt, ItemsReceived line) {
        ConsumerRecord<String, String> dead = CatalogFixtures.awaitRecords(dlt, line.receiptId().toString()).get(0);
        return CatalogFixtures.header(dead, "dead-letter-reason");
    }

    private static ItemsReceived line(String site, String kind, int quantity, OrderedTitle title,
                                      List<String> barcodes) {
        return new ItemsReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Follett School Solutions", "LIB-GEN-2027", site, kind, quantity, new BigDecimal("12.95"), "USD",
                LocalDate.of(2026, 9, 1), title, barcodes);
    }

    private static EventEnvelope send(ItemsReceived line) {
        return send(EventJson.envelope("acquisitions-service", line.siteCode(), line.receiptId().toString(), line));
    }

    private static EventEnvelope send(EventEnvelope envelope) {
        TestKafka.send(Topics.ACQUISITIONS_RECEIPTS, envelope.aggregateId(), EventJson.write(envelope));
        return envelope;
    }

    private static List<Map<String, Object>> copies(String titleId, String site) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).get("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Map<String, Object>> titlesWithIsbn(String isbn) {
        return given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles?isbn=" + isbn)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** A random ISBN-10 with a right check digit (so no other test's book matches). */
    private static String isbn10() {
        StringBuilder body = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = ThreadLocalRandom.current().nextInt(10);
            body.append(d);
            sum += (10 - i) * d;
        }
        int check = (11 - sum % 11) % 11;
        return body.append(check == 10 ? "X" : String.valueOf(check)).toString();
    }

    private static String to13(String isbn10) {
        String body = "978" + isbn10.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
