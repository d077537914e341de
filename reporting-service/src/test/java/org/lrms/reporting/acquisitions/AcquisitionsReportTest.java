package org.lrms.reporting.acquisitions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.reporting.report.Downloads;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.reporting.Fixtures.receipt;
import static org.lrms.reporting.TestEvents.awaitRecord;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;

/** Receipt lines on acquisitions.receipts.v1 become items received and spending, each line once. */
@QuarkusTest
class AcquisitionsReportTest {

    private static final String YEAR = "&from=2026-07-01&to=2027-06-30";
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    void spendingAndItemsReceivedByFundVendorMaterialTypeLineKindSiteAndMonth() throws Exception {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        ItemsReceived first = receipt(a, "LIBRARY", "LIB", "Follett", "BOOK", 3, "12.99", "USD",
                LocalDate.of(2026, 9, 10));
        EventEnvelope firstEvent = send(Topics.ACQUISITIONS_RECEIPTS, a, first.receiptId(), first);
        // the same event delivered again, and the same line published again under another event id: once each
        send(Topics.ACQUISITIONS_RECEIPTS, firstEvent);
        send(Topics.ACQUISITIONS_RECEIPTS, a, first.receiptId(), new ItemsReceived(first.receiptId(),
                first.receiptLineId(), first.orderId(), first.orderLineId(), "Follett", "LIB", a, "LIBRARY", 99,
                new BigDecimal("12.99"), "USD", first.receivedOn(), first.title(), null));
        // the lines after on the same partition (key): once they show, the duplicates were applied before them
        receive(first, receipt(a, "LIBRARY", "GRANT", "Mackin", "EBOOK", 3, "4.125", "USD", LocalDate.of(2026, 10, 5)));
        receive(first, receipt(a, "TEXTBOOK", "TXT", "Pearson", "BOOK", 10, "85.50", "USD",
                LocalDate.of(2026, 10, 20)));
        receive(first, receipt(a, "LIBRARY", "LIB", "Follett", "BOOK", 1, "30.00", "CAD", LocalDate.of(2026, 9, 12)));
        receive(first, receipt(b, "LIBRARY", "LIB", "Follett", "BOOK", 1, "20.00", "USD", LocalDate.of(2026, 9, 11)));
        // received the school year before: outside the period
        receive(first, receipt(a, "LIBRARY", "LIB", "Follett", "BOOK", 5, "10.00", "USD", LocalDate.of(2026, 6, 30)));

        String query = "/api/v1/reports/acquisitions?site=" + a + "," + b + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query).body("lines", equalTo(5)));
        report(query)
                .body("scope", equalTo(a + "," + b))
                .body("items", equalTo(18))
                .body("spending", hasSize(2))
                .body("spending.find { it.currency == 'USD' }.amount", comparesEqualTo(new BigDecimal("926.345")))
                .body("spending.find { it.currency == 'USD' }.items", equalTo(17))
                .body("spending.find { it.currency == 'CAD' }.amount", comparesEqualTo(new BigDecimal("30.00")))
                .body("byFund.find { it.key == 'LIB' }.items", equalTo(5))
                .body("byFund.find { it.key == 'LIB' }.spending.find { it.currency == 'USD' }.amount",
                        comparesEqualTo(new BigDecimal("58.97")))
                .body("byFund.find { it.key == 'GRANT' }.spending[0].amount",
                        comparesEqualTo(new BigDecimal("12.375")))
                .body("byVendor.find { it.key == 'Pearson' }.spending[0].amount",
                        comparesEqualTo(new BigDecimal("855.00")))
                .body("byVendor.find { it.key == 'Pearson' }.items", equalTo(10))
                .body("byMaterialType.find { it.key == 'BOOK' }.spending.find { it.currency == 'USD' }.amount",
                        comparesEqualTo(new BigDecimal("913.97")))
                .body("byMaterialType.find { it.key == 'EBOOK' }.lines", equalTo(1))
                .body("byLineKind.find { it.key == 'LIBRARY' }.spending.find { it.currency == 'USD' }.amount",
                        comparesEqualTo(new BigDecimal("71.345")))
                .body("byLineKind.find { it.key == 'TEXTBOOK' }.items", equalTo(10))
                .body("bySite.find { it.key == '" + b + "' }.spending[0].amount",
                        comparesEqualTo(new BigDecimal("20.00")))
                .body("bySite.find { it.key == '" + a + "' }.lines", equalTo(4))
                .body("byMonth.key", equalTo(java.util.List.of("2026-09", "2026-10")))
                .body("byMonth.find { it.key == '2026-10' }.spending[0].amount",
                        comparesEqualTo(new BigDecimal("867.375")))
                .body("freshness.topics.topic", equalTo(java.util.List.of(Topics.ACQUISITIONS_RECEIPTS)));
        // one site, one month
        report("/api/v1/reports/acquisitions?site=" + b + "&from=2026-09-01&to=2026-09-30")
                .body("lines", equalTo(1))
                .body("spending[0].amount", comparesEqualTo(new BigDecimal("20.00")));

        String staff = TestTokens.siteStaff(a);
        String csv = given().auth().oauth2(staff)
                .when().get("/api/v1/reports/acquisitions?format=csv&site=" + a + YEAR)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("acquisitions-" + a + ".csv"))
                .extract().body().asString();
        assertTrue(csv.contains("Pearson,1,10,USD,855.00"), csv);
        assertTrue(csv.contains("LIBRARY,1,1,CAD,30.00"), csv);
        byte[] xlsx = given().auth().oauth2(staff).accept(Downloads.XLSX)
                .when().get("/api/v1/reports/acquisitions?site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var vendors = book.getSheet("By vendor");
            assertEquals("Follett", vendors.getRow(1).getCell(0).getStringCellValue());
            assertEquals(12.375, book.getSheet("By vendor").getRow(3).getCell(4).getNumericCellValue());
        }
        byte[] pdf = given().auth().oauth2(staff)
                .when().get("/api/v1/reports/acquisitions?format=pdf&site=" + a + YEAR)
                .then().statusCode(200).contentType(Downloads.PDF).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void unreadableReceiptLinesGoToTheDeadLetterTopicAndIngestionGoesOn() {
        String site = newSite();
        String key = "garbage-" + UUID.randomUUID();
        sendRaw(Topics.ACQUISITIONS_RECEIPTS, key, "not an envelope {");
        ItemsReceived noPrice = receipt(site, "LIBRARY", "LIB", "Follett", "BOOK", 2, "1.00", "USD",
                LocalDate.of(2026, 9, 1));
        EventEnvelope priceless = EventJson.envelope("test", site, noPrice.receiptId().toString(), noPrice);
        ((ObjectNode) priceless.payload()).putNull("unitPrice");
        send(Topics.ACQUISITIONS_RECEIPTS, priceless);
        EventEnvelope oddKind = EventJson.envelope("test", site, UUID.randomUUID().toString(),
                receipt(site, "SUPPLIES", "LIB", "Follett", "BOOK", 1, "1.00", "USD", LocalDate.of(2026, 9, 1)));
        send(Topics.ACQUISITIONS_RECEIPTS, oddKind);
        receive(site, receipt(site, "LIBRARY", "LIB", "Follett", "BOOK", 2, "7.50", "USD",
                LocalDate.of(2026, 9, 2)));

        ConsumerRecord<String, String> dead = awaitRecord(Topics.deadLetter(Topics.ACQUISITIONS_RECEIPTS),
                r -> key.equals(r.key()));
        assertEquals("not an envelope {", dead.value());
        assertTrue(header(awaitRecord(Topics.deadLetter(Topics.ACQUISITIONS_RECEIPTS),
                r -> r.value().contains(priceless.eventId().toString())), "dead-letter-reason")
                .contains("has no unitPrice"));
        assertTrue(header(awaitRecord(Topics.deadLetter(Topics.ACQUISITIONS_RECEIPTS),
                r -> r.value().contains(oddKind.eventId().toString())), "dead-letter-reason")
                .contains("line kind SUPPLIES"));
        String query = "/api/v1/reports/acquisitions?site=" + site + YEAR;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query).body("lines", equalTo(1)));
        report(query).body("items", equalTo(2))
                .body("spending[0].amount", comparesEqualTo(new BigDecimal("15.00")));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        String a = newSite();
        String b = newSite();
        site(a);
        site(b);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(
                "/api/v1/reports/acquisitions?site=" + a + "," + b));
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).when().get("/api/v1/reports/acquisitions?from=2027-06-30&to=2026-08-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/acquisitions?from=2000-01-01&to=2026-06-30")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/acquisitions?from=soon")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin).when().get("/api/v1/reports/acquisitions?site=NOSUCHSITE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("site"));
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/acquisitions?site=" + b)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/acquisitions?format=docx")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        given().when().get("/api/v1/reports/acquisitions").then().statusCode(401);
        given().auth().oauth2(TestTokens.teacher(a)).when().get("/api/v1/reports/acquisitions?site=" + a)
                .then().statusCode(403);
        // site staff without a site parameter get their own site
        given().auth().oauth2(TestTokens.siteStaff(a)).when().get("/api/v1/reports/acquisitions")
                .then().statusCode(200).body("scope", equalTo(a));
    }

    static void receive(String site, ItemsReceived line) {
        send(Topics.ACQUISITIONS_RECEIPTS, site, line.receiptId(), line);
    }

    /** Sends a line with the key of {@code after}, so that it is applied after it. */
    static void receive(ItemsReceived after, ItemsReceived line) {
        send(Topics.ACQUISITIONS_RECEIPTS, line.siteCode(), after.receiptId(), line);
    }

    static ValidatableResponse report(String path) {
        return given().config(DECIMALS).auth().oauth2(TestTokens.districtAdmin()).when().get(path)
                .then().statusCode(200);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
