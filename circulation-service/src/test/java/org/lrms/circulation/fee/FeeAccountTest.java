package org.lrms.circulation.fee;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.textbook.TextbookChargeCancelled;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger read back: a patron's account, receipts printed again, and the finance's payments and refunds. */
@QuarkusTest
class FeeAccountTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    /** A patron's account with every kind of entry; the ids and the payment's receipt. */
    record Account(String site, String patronId, String barcode, String damaged, String processing,
                   String textbook, String receiptNo) {
    }

    private static String charge(String site, String patronId, String kind, String amount) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", kind, "amount", amount, "note", "water damage"))
                .when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Charges 7.50 and 3.00; pays 9.00 (7.50 and 1.50: one receipt, two fees); waives 1.00 of the second; a textbook
     * charge of 20.00 paid 4.00 and then cancelled (16.00 waived, 4.00 refunded). What is owed: 0.50.
     */
    static Account account() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, barcode, "STUDENT", "10");
        Fixtures.supervisor(site);   // the waiver below needs waive-fees
        String staff = TestTokens.siteStaff(site);
        String damaged = charge(site, patronId, "DAMAGED", "7.50");
        String processing = charge(site, patronId, "PROCESSING", "3.00");
        String receiptNo = given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("amount", "9.00", "method", "CASH", "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201)
                .extract().path("receiptNo");
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("amount", "1.00", "reason", "first offence"))
                .when().post("/api/v1/fees/" + processing + "/waivers").then().statusCode(200);
        UUID chargeId = UUID.randomUUID();
        TextbookChargesTest.send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                TextbookChargesTest.charge(chargeId, patronId, site, "20.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> TextbookChargesTest.fees(patronId).size() == 3);
        String textbook = Fixtures.row("SELECT id FROM fee WHERE charge_id = ?", chargeId).get("id").toString();
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("amount", "4.00", "method", "CARD", "feeId", textbook, "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        TextbookChargesTest.send(EventJson.envelope("textbook-service", site, chargeId.toString(),
                new TextbookChargeCancelled(chargeId, "the textbook came back")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count(
                "SELECT count(*) FROM fee WHERE id = ? AND status = 'CANCELLED'", UUID.fromString(textbook)) == 1);
        return new Account(site, patronId, barcode, damaged, processing, textbook, receiptNo);
    }

    private static JsonPath get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** The first page's text of a receipt's printable copy. */
    private static String pdfText(String token, String receiptNo) throws Exception {
        byte[] pdf = given().auth().oauth2(token).accept("application/pdf").when().get("/api/v1/receipts/" + receiptNo)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }

    @Test
    void theAccountListsChargesPaymentsWaiversAndRefundsNewestFirstWithTheBalanceAfterEach() {
        Account a = account();
        String staff = TestTokens.siteStaff(a.site());
        String path = "/api/v1/patrons/" + a.patronId() + "/account";
        JsonPath all = get(staff, path);
        assertEquals(0.5f, all.getFloat("balance"));
        assertEquals(9, all.getInt("total"));
        // the payment of 9.00 is two entries (one per fee) under one receipt: 9 entries in all
        assertEquals(9, all.getList("entries").size());
        assertEquals(List.of("REFUND", "WAIVER", "PAYMENT", "CHARGE", "WAIVER", "PAYMENT", "PAYMENT", "CHARGE",
                "CHARGE"), all.getList("entries.kind"));
        assertEquals(List.of(0.0f, -16.0f, -4.0f, 20.0f, -1.0f, -1.5f, -7.5f, 3.0f, 7.5f),
                all.getList("entries.change"));
        assertEquals(List.of(0.5f, 0.5f, 16.5f, 20.5f, 0.5f, 1.5f, 3.0f, 10.5f, 7.5f),
                all.getList("entries.balance"));
        assertEquals(List.of(0.0f, 0.0f, 16.0f, 20.0f, 0.5f, 1.5f, 0.0f, 3.0f, 7.5f),
                all.getList("entries.feeBalance"));
        Map<String, Object> refund = all.getMap("entries[0]");
        assertEquals(4.0f, refund.get("amount"));
        assertEquals(a.textbook(), refund.get("feeId"));
        assertEquals("TEXTBOOK", refund.get("feeKind"));
        assertEquals("textbook charge cancelled: the textbook came back", refund.get("reason"));
        assertTrue(((String) refund.get("receiptNo")).startsWith("R-"));
        assertEquals("system", refund.get("by"));
        Map<String, Object> payment = all.getMap("entries[6]");
        assertEquals(a.receiptNo(), payment.get("receiptNo"));
        assertEquals("CASH", payment.get("method"));
        assertEquals("tech." + a.site().toLowerCase(Locale.ROOT), payment.get("by"));
        assertEquals(a.damaged(), payment.get("feeId"));
        assertEquals("first offence", all.getString("entries[4].reason"));
        assertEquals("water damage", all.getString("entries[8].reason"));
        assertEquals(a.site(), all.getString("entries[8].siteCode"));

        // pages, newest first; a page past the end is empty and still says how many there are
        JsonPath second = get(staff, path + "?page=1&size=4");
        assertEquals(List.of("WAIVER", "PAYMENT", "PAYMENT", "CHARGE"), second.getList("entries.kind"));
        assertEquals(9, second.getInt("total"));
        JsonPath beyond = get(staff, path + "?page=5&size=4");
        assertEquals(0, beyond.getList("entries").size());
        assertEquals(9, beyond.getInt("total"));

        // by kind (any case): refunds are listed
        JsonPath refunds = get(staff, path + "?kind=refund");
        assertEquals(List.of("REFUND"), refunds.getList("entries.kind"));
        assertEquals("REFUND", refunds.getString("kind"));
        assertEquals(List.of(-4.0f, -1.5f, -7.5f), get(staff, path + "?kind=PAYMENT").getList("entries.change"));

        // by date (the district's days): the first charge and the payment moved into January 2025
        Fixtures.update("UPDATE fee SET created_at = '2025-01-10T18:00:00Z' WHERE id = ?",
                UUID.fromString(a.damaged()));
        Fixtures.update("UPDATE fee SET created_at = '2025-01-10T19:00:00Z' WHERE id = ?",
                UUID.fromString(a.processing()));
        Fixtures.update("UPDATE fee_transaction SET at = '2025-01-12T07:30:00Z' WHERE receipt_no = ? AND fee_id = ?",
                a.receiptNo(), UUID.fromString(a.damaged()));
        Fixtures.update("UPDATE fee_transaction SET at = '2025-01-12T07:30:01Z' WHERE receipt_no = ? AND fee_id = ?",
                a.receiptNo(), UUID.fromString(a.processing()));
        JsonPath january = get(staff, path + "?from=2025-01-01&to=2025-01-31");
        assertEquals(List.of("PAYMENT", "PAYMENT", "CHARGE", "CHARGE"), january.getList("entries.kind"));
        assertEquals(List.of(1.5f, 3.0f, 10.5f, 7.5f), january.getList("entries.balance"));
        // 07:30 UTC on the 12th is the 11th in Los Angeles
        assertEquals(List.of("PAYMENT", "PAYMENT"), get(staff, path + "?from=2025-01-11&to=2025-01-11")
                .getList("entries.kind"));
        assertEquals(List.of("CHARGE", "CHARGE"), get(staff, path + "?to=2025-01-10").getList("entries.kind"));
        assertEquals(5, get(staff, path + "?from=" + LocalDate.now(LA).minusDays(1)).getInt("total"));
    }

    @Test
    void theAccountIsForStaffOfThePatronsSchoolAndBadFiltersAre400s() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        charge(site, patronId, "DAMAGED", "2.00");
        String path = "/api/v1/patrons/" + patronId + "/account";
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.student(site)).when().get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(Fixtures.newSite())).when().get(path).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200)
                .body("balance", equalTo(2.0f)).body("entries", hasSize(1));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + UUID.randomUUID()
                + "/account").then().statusCode(404).contentType("application/problem+json");
        String staff = TestTokens.siteStaff(site);
        given().auth().oauth2(staff).when().get(path + "?from=2026-03-02&to=2026-03-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(staff).when().get(path + "?from=2026-13-01").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(staff).when().get(path + "?kind=FINE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(staff).when().get(path + "?size=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aReceiptIsPrintedAgainAsJsonOrPdf() throws Exception {
        Account a = account();
        String staff = TestTokens.siteStaff(a.site());
        JsonPath receipt = get(staff, "/api/v1/receipts/" + a.receiptNo());
        assertEquals(a.receiptNo(), receipt.getString("receiptNo"));
        assertEquals("PAYMENT", receipt.getString("kind"));
        assertEquals(a.patronId(), receipt.getString("patronId"));
        assertEquals("CASH", receipt.getString("method"));
        assertEquals(9.0f, receipt.getFloat("amount"));
        assertEquals(List.of(a.damaged(), a.processing()), receipt.getList("lines.feeId"));
        assertEquals(List.of(7.5f, 1.5f), receipt.getList("lines.amount"));
        assertEquals(List.of(0.0f, 1.5f), receipt.getList("lines.feeBalance"));
        assertEquals(1.5f, receipt.getFloat("balance"));
        assertEquals("tech." + a.site().toLowerCase(Locale.ROOT), receipt.getString("by"));
        // the number in any case
        assertEquals(a.receiptNo(), get(staff, "/api/v1/receipts/" + a.receiptNo().toLowerCase(Locale.ROOT))
                .getString("receiptNo"));

        // the refund's receipt too
        String refundNo = get(staff, "/api/v1/patrons/" + a.patronId() + "/account?kind=REFUND")
                .getString("entries[0].receiptNo");
        given().auth().oauth2(staff).when().get("/api/v1/receipts/" + refundNo).then().statusCode(200)
                .body("kind", equalTo("REFUND")).body("amount", equalTo(4.0f)).body("method", nullValue())
                .body("reason", equalTo("textbook charge cancelled: the textbook came back"))
                .body("balance", equalTo(0.5f)).body("deskSite", equalTo(a.site()));

        byte[] pdf = given().auth().oauth2(staff).accept("application/pdf")
                .when().get("/api/v1/receipts/" + a.receiptNo()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(text.contains("Payment receipt " + a.receiptNo()), text);
        assertTrue(text.contains("Ana Lopez (" + a.barcode() + ")"), text);
        assertTrue(text.contains("Total: 9.00"), text);
        assertTrue(text.contains("Balance owed after: 1.50"), text);

        // a waiver's and a refund's printable copies, as the desk's history prints them: the kind named, the reason,
        // who, at which desk (a waiver moves no money: no desk)
        JsonPath waivers = get(staff, "/api/v1/patrons/" + a.patronId() + "/account?kind=WAIVER");
        assertEquals("first offence", waivers.getString("entries[1].reason"));
        String waiverNo = waivers.getString("entries[1].receiptNo");
        String waiver = pdfText(staff, waiverNo);
        assertTrue(waiver.contains("Waiver " + waiverNo), waiver);
        assertTrue(waiver.contains("Reason: first offence"), waiver);
        assertTrue(waiver.contains("Total: 1.00"), waiver);
        assertTrue(waiver.contains("Served by: tech." + a.site().toLowerCase(Locale.ROOT)), waiver);
        assertFalse(waiver.contains("at the desk of") || waiver.contains("Paid by"), waiver);
        String refund = pdfText(staff, refundNo);
        assertTrue(refund.contains("Refund receipt " + refundNo), refund);
        assertTrue(refund.contains("Reason: textbook charge cancelled: the textbook came back"), refund);
        assertTrue(refund.contains("Total: 4.00"), refund);
        assertTrue(refund.contains("Served by: system at the desk of " + a.site()), refund);
        // scoped as a payment's: another school's staff are refused, an unknown number is a 404, both as problems
        for (String number : List.of(waiverNo, refundNo)) {
            given().auth().oauth2(TestTokens.siteStaff(Fixtures.newSite())).accept("application/pdf").when()
                    .get("/api/v1/receipts/" + number).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(staff).accept("application/pdf").when().get("/api/v1/receipts/R-NOSUCHRECEIPT")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(staff).when().get("/api/v1/receipts/R-NOSUCHRECEIPT").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(Fixtures.newSite())).when()
                .get("/api/v1/receipts/" + a.receiptNo()).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/receipts/" + a.receiptNo())
                .then().statusCode(200);
        given().when().get("/api/v1/receipts/" + a.receiptNo()).then().statusCode(401);
    }

    @Test
    void aRefundIsAnnouncedAsFeeRefunded() {
        Account a = account();
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, a.textbook(),
                seen -> seen.size() >= 4);
        assertEquals(List.of("FeeAssessed", "FeePaid", "FeeWaived", "FeeRefunded"),
                events.stream().map(EventEnvelope::type).toList());
        FeeRefunded refunded = EventJson.payload(events.get(3), FeeRefunded.class);
        assertEquals(0, new BigDecimal("4.00").compareTo(refunded.refunded()), refunded.refunded().toString());
        assertEquals("CANCELLED", refunded.fee().status());
        assertEquals(0, refunded.fee().balance().signum());
        assertEquals("textbook charge cancelled: the textbook came back", refunded.reason());
        assertEquals(get(TestTokens.districtAdmin(), "/api/v1/patrons/" + a.patronId() + "/account?kind=REFUND")
                .getString("entries[0].receiptNo"), refunded.receiptNo());
        assertNotEquals(a.patronId(), refunded.fee().patronKey());
    }

    @Test
    void theFinanceReadsPaymentsAndRefundsPerSiteWithTotalsAndNoNames() {
        Account a = account();
        String other = Fixtures.newSite();
        String otherPatron = Fixtures.newPatron(other, Fixtures.unique("P"), "STUDENT", "9");
        charge(other, otherPatron, "DAMAGED", "2.25");
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON)
                .body(Map.of("amount", "2.25", "method", "CHECK", "siteCode", other))
                .when().post("/api/v1/patrons/" + otherPatron + "/payments").then().statusCode(201);
        String today = LocalDate.now(LA).toString();
        String query = "/api/v1/ledger?from=" + today + "&to=" + today;

        String body = given().auth().oauth2(TestTokens.integration()).when().get(query + "&siteCode="
                        + a.site().toLowerCase(Locale.ROOT)).then().statusCode(200).extract().asString();
        JsonPath site = JsonPath.from(body);
        assertEquals(a.site(), site.getString("siteCode"));
        assertEquals(List.of("PAYMENT", "PAYMENT", "PAYMENT", "REFUND"), site.getList("movements.kind"));
        assertEquals(List.of(7.5f, 1.5f, 4.0f, 4.0f), site.getList("movements.amount"));
        assertEquals(List.of("CASH", "CASH", "CARD"), site.getList("movements.method").subList(0, 3));
        assertEquals(a.patronId(), site.getString("movements[0].patronId"));
        assertEquals(a.receiptNo(), site.getString("movements[0].receiptNo"));
        assertEquals(3, site.getInt("total.payments"));
        assertEquals(13.0f, site.getFloat("total.paid"));
        assertEquals(1, site.getInt("total.refunds"));
        assertEquals(4.0f, site.getFloat("total.refunded"));
        assertEquals(9.0f, site.getFloat("total.net"));
        assertEquals(List.of(a.site()), site.getList("sites.siteCode"));
        assertEquals(4, site.getInt("entries"));
        // privacy by default: no name, barcode, reason or staff member
        assertFalse(body.contains("Lopez") || body.contains(a.barcode()) || body.contains("textbook came back")
                || body.contains("tech."), body);

        // every site: both schools, each with its totals; pages
        JsonPath all = get(TestTokens.districtAdmin(), query + "&size=1000");
        assertEquals(13.0f, all.getFloat("sites.find { it.siteCode == '" + a.site() + "' }.paid"));
        assertEquals(2.25f, all.getFloat("sites.find { it.siteCode == '" + other + "' }.paid"));
        assertEquals(0.0f, all.getFloat("sites.find { it.siteCode == '" + other + "' }.refunded"));
        assertEquals(List.of(7.5f, 1.5f), get(TestTokens.integration(), query + "&siteCode=" + a.site()
                + "&size=2").getList("movements.amount"));
        assertEquals(List.of(4.0f, 4.0f), get(TestTokens.integration(), query + "&siteCode=" + a.site()
                + "&size=2&page=1").getList("movements.amount"));
        // another day has none of it
        JsonPath before = get(TestTokens.integration(), "/api/v1/ledger?from=2020-01-01&to=2020-01-31&siteCode="
                + a.site());
        assertEquals(0, before.getInt("entries"));
        assertEquals(0.0f, before.getFloat("total.paid"));

        given().auth().oauth2(TestTokens.siteStaff(a.site())).when().get(query).then().statusCode(403);
        given().when().get(query).then().statusCode(401);
        given().auth().oauth2(TestTokens.integration()).when().get("/api/v1/ledger?to=" + today)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.integration()).when().get("/api/v1/ledger?from=2026-03-02&to=2026-03-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.integration()).when().get(query + "&siteCode=NOSUCHSITE")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPaymentRecordsTheDeskThatTookItAndTheLedgerTotalsItThere() throws Exception {
        String home = Fixtures.newSite();
        String desk = Fixtures.newSite();
        String patronId = Fixtures.newPatron(home, Fixtures.unique("P"), "STUDENT", "11");
        String fee = charge(home, patronId, "DAMAGED", "6.00");
        String clerk = "clerk." + desk.toLowerCase(Locale.ROOT);
        String both = TestTokens.token(clerk, java.util.Set.of("site-staff"), List.of(home, desk));
        String path = "/api/v1/patrons/" + patronId + "/payments";

        // site staff name their desk: none, or one their token does not hold, is refused and books nothing
        given().auth().oauth2(both).contentType(ContentType.JSON).body(Map.of("amount", "1.00", "method", "CASH"))
                .when().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteCode"));
        given().auth().oauth2(TestTokens.siteStaff(home)).contentType(ContentType.JSON)
                .body(Map.of("amount", "1.00", "method", "CASH", "siteCode", desk))
                .when().post(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("amount", "1.00", "method", "CASH", "siteCode", "NOSUCHSITE"))
                .when().post(path).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("siteCode"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ?", UUID.fromString(fee)));

        // taken at the other school's desk, by the clerk; a district admin without a desk books the fee's site
        String receiptNo = given().auth().oauth2(both).contentType(ContentType.JSON)
                .body(Map.of("amount", "2.00", "method", "CASH", "siteCode", desk.toLowerCase(Locale.ROOT)))
                .when().post(path).then().statusCode(201).extract().path("receiptNo");
        String adminReceipt = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("amount", "1.00", "method", "CARD")).when().post(path).then().statusCode(201)
                .extract().path("receiptNo");

        JsonPath receipt = get(both, "/api/v1/receipts/" + receiptNo);
        assertEquals(desk, receipt.getString("deskSite"));
        assertEquals(clerk, receipt.getString("by"));
        assertEquals(List.of(home), receipt.getList("lines.siteCode"), "the fee stays the home school's");
        assertNull(get(both, "/api/v1/receipts/" + adminReceipt).getString("deskSite"),
                "a district admin who names no desk records none");
        byte[] pdf = given().auth().oauth2(both).accept("application/pdf").when().get("/api/v1/receipts/" + receiptNo)
                .then().statusCode(200).extract().asByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertTrue(text.contains("School " + desk + " (" + desk + ")"), text);
        assertTrue(text.contains("Served by: " + clerk + " at the desk of " + desk), text);

        EventEnvelope paid = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, fee, seen -> seen.size() >= 3).get(1);
        FeePaid event = EventJson.payload(paid, FeePaid.class);
        assertEquals(desk, event.deskSite());
        assertEquals(home, event.fee().siteCode());

        // the finance counts the money at the desk that took it
        String today = LocalDate.now(LA).toString();
        String query = "/api/v1/ledger?from=" + today + "&to=" + today + "&siteCode=";
        JsonPath atDesk = get(TestTokens.integration(), query + desk);
        assertEquals(List.of(2.0f), atDesk.getList("movements.amount"));
        assertEquals(desk, atDesk.getString("movements[0].deskSite"));
        assertEquals(home, atDesk.getString("movements[0].siteCode"));
        assertEquals(List.of(desk), atDesk.getList("sites.siteCode"));
        assertEquals(2.0f, atDesk.getFloat("total.paid"));
        JsonPath atHome = get(TestTokens.integration(), query + home);
        assertEquals(List.of(1.0f), atHome.getList("movements.amount"));
        assertEquals(1.0f, atHome.getFloat("total.paid"));
    }
}
