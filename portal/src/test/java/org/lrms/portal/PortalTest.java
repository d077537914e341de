package org.lrms.portal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** The portal against a real HTTP server standing in for the catalog, and a circulation service that is down. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class PortalTest {

    private static final String TOKEN = "Bearer header.payload.signature";

    @BeforeEach
    void forget() {
        FakeServices.LAST.set(null);
    }

    @Test
    void getsAreForwardedWithPathQueryAndBearerToken() {
        given().urlEncodingEnabled(false).header("Authorization", TOKEN).header("Accept-Language", "es")
                .when().get("/api/catalog/v1/titles/42?fields=title&q=a%20b")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("ETag", "\"3\"")
                .body("id", equalTo("42"), "title", equalTo("Holes"));

        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("GET", received.method());
        assertEquals("/api/v1/titles/42?fields=title&q=a%20b", received.uri());
        assertEquals(TOKEN, received.header("Authorization"));
        assertEquals("es", received.header("Accept-Language"));
    }

    @Test
    void postsAreForwardedWithTheirBodyAndTheLocationPointsThroughThePortal() {
        given().header("Authorization", TOKEN).contentType("application/json")
                .body("{\"title\":\"Holes\",\"authors\":[\"Louis Sachar\"]}")
                .when().post("/api/catalog/v1/titles")
                .then().statusCode(201)
                .header("Location", "/api/catalog/v1/titles/7")
                .body("received.title", equalTo("Holes"), "received.authors", contains("Louis Sachar"));

        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("POST", received.method());
        assertTrue(received.header("Content-Type").startsWith("application/json"));
        assertEquals("{\"title\":\"Holes\",\"authors\":[\"Louis Sachar\"]}", received.body());
    }

    @Test
    void theServicesRefusalsReachTheCallerUnchanged() {
        given().when().get("/api/catalog/v1/titles/42")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        assertNull(FakeServices.LAST.get().header("Authorization"));

        given().header("Authorization", TOKEN).when().get("/api/catalog/v1/search?q=holes")
                .then().statusCode(404);
        assertEquals("/api/v1/search?q=holes", FakeServices.LAST.get().uri());
    }

    @Test
    void cookiesStayWithThePortal() {
        given().header("Authorization", TOKEN).cookie("session", "secret")
                .when().get("/api/catalog/v1/titles/1")
                .then().statusCode(200);
        assertNull(FakeServices.LAST.get().header("Cookie"));
    }

    @Test
    void aServiceThatIsDownIsABadGatewayProblem() {
        given().header("Authorization", TOKEN).when().get("/api/circulation/v1/patrons")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", equalTo(502), "detail", equalTo("the circulation service is not reachable"));
    }

    @Test
    void anUnknownServiceIsNotFound() {
        given().header("Authorization", TOKEN).when().get("/api/payroll/v1/salaries")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no service named payroll behind this portal"));
        assertNull(FakeServices.LAST.get());
    }

    @Test
    void configTellsTheBrowserWhereToSignInAndListsTheServicesInOrder() {
        given().when().get("/portal/config")
                .then().statusCode(200)
                .body("oidc.authServerUrl", equalTo("http://localhost:18180/realms/district"),
                        "oidc.clientId", equalTo("lrms-portal"),
                        "services.name", contains("catalog", "circulation", "textbook", "acquisitions", "reporting"),
                        "services[0].api", equalTo("/api/catalog/v1"),
                        "services[0].swaggerUi", containsString("/q/swagger-ui"),
                        "services[0].health", containsString("/q/health/ready"));
    }

    @Test
    void servicesShowsWhichServiceIsReady() {
        given().when().get("/portal/services")
                .then().statusCode(200)
                .body("find { it.name == 'catalog' }.status", equalTo("UP"),
                        "find { it.name == 'circulation' }.status", equalTo("UNREACHABLE"),
                        "name", hasItems("textbook", "acquisitions", "reporting"));
    }

    @Test
    void thePageIsServedWithEverythingItNeedsFromThePortalItself() {
        String page = given().when().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Search the catalog"), containsString("Sign in"))
                .extract().asString();
        assertFalse(java.util.regex.Pattern.compile("(src|href)=\"https?://").matcher(page).find(), "no CDN");
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("code_challenge_method: \"S256\""), containsString("/api/catalog/v1/search"),
                        not(containsString("https://")));
        given().when().get("/app.css").then().statusCode(200);
        assertTrue(page.contains("<script src=\"/search-summary.js\"></script>"), "the search wording is loaded");
        given().when().get("/search-summary.js").then().statusCode(200)
                .body(containsString("function searchSummary"), containsString("totalIsEstimate"));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("searchSummary(body, q)"), containsString("facetNote(body)"));
    }

    @Test
    void staffHaveAHoldPullListThatShowsTheListAndPrintsItsPdf() {
        given().when().get("/").then().statusCode(200)
                .body(containsString("<section class=\"card\" id=\"pull-list\" hidden>"),
                        containsString("Hold pull list"), containsString("id=\"pull-site\""),
                        containsString("Print (PDF)"));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("/api/circulation/v1/holds/pull-list?siteCode="),
                        containsString("Accept: \"application/pdf\""),
                        containsString("[\"site-staff\", \"district-admin\"]"));
    }

    @Test
    void staffHaveACirculationDeskThatLendsReturnsAndKeepsWhatItCouldNotSend() {
        String page = given().when().get("/").then().statusCode(200)
                .body(containsString("<section class=\"card\" id=\"desk\" hidden>"),
                        containsString("Circulation desk"), containsString("id=\"patron-barcode\""),
                        containsString("id=\"checkout-item\""), containsString("id=\"checkin-item\""),
                        containsString("id=\"override-reason\""), containsString("id=\"offline-upload\""))
                .extract().asString();
        assertTrue(page.contains("<script src=\"/desk.js\"></script>"), "the desk's wording is loaded");
        given().when().get("/desk.js").then().statusCode(200)
                .body(containsString("function checkinInstruction"), containsString("function keepTransaction"));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("/api/circulation/v1/checkouts"), containsString("\"Idempotency-Key\": key"),
                        containsString("/api/circulation/v1/checkins"),
                        containsString("/api/circulation/v1/offline-batches"),
                        containsString("/loans/renewals"));
    }

    @Test
    void theDesksPatronCardHasTheAccountWithPaymentsWaiversChargesTheReceiptAndTheHistory() {
        String page = given().when().get("/").then().statusCode(200)
                .body(containsString("id=\"account-part\""), containsString("id=\"account-fees\""),
                        containsString("id=\"account-pay-open\""), containsString("id=\"account-amount\""),
                        containsString("id=\"account-method\""), containsString("id=\"account-toward\""),
                        containsString("id=\"account-pay\""), containsString("id=\"account-waive-reason\""),
                        containsString("id=\"account-waive\""), containsString("id=\"account-charge-kind\""),
                        containsString("id=\"account-charge-amount\""), containsString("id=\"account-charge\""),
                        containsString("id=\"account-receipt\""), containsString("id=\"account-receipt-print\""),
                        containsString("Print receipt (PDF)"), containsString("id=\"account-waive-amount\""),
                        containsString("id=\"account-history-part\""), containsString("id=\"account-history\""),
                        containsString("id=\"account-history-rows\""), containsString("id=\"account-history-page\""),
                        containsString("id=\"account-history-newer\""), containsString("id=\"account-history-older\""),
                        containsString("id=\"account-history-message\""))
                .extract().asString();
        assertTrue(page.indexOf("id=\"account-part\"") < page.indexOf("id=\"account-history-part\"")
                && page.indexOf("id=\"account-history-part\"") < page.indexOf("id=\"checkout-form\""),
                "the history is in the account");
        assertTrue(page.indexOf("id=\"patron-card\"") < page.indexOf("id=\"account-part\"")
                && page.indexOf("id=\"account-part\"") < page.indexOf("id=\"checkout-form\""), "in the patron card");
        assertTrue(page.contains("<script src=\"/account.js\"></script>"), "the account's wording is loaded");
        String historyHead = page.substring(page.indexOf("id=\"account-history\""),
                page.indexOf("id=\"account-history-rows\""));
        assertTrue(historyHead.contains("<th>Receipt</th><th>By</th><th>Desk</th>"), historyHead);
        given().when().get("/account.js").then().statusCode(200)
                .body(containsString("function paymentAmount"), containsString("function receiptLine"),
                        containsString("function waiverAmount"), containsString("function chargeAction"),
                        containsString("function historyLines"),
                        not(containsString("localStorage")), not(containsString("https://")));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("/account?size=1"), containsString("/fees?open=true"),
                        containsString("/payments`"), containsString("/waivers`"),
                        containsString("/api/circulation/v1/receipts/"), containsString("\"Idempotency-Key\": key"),
                        containsString("/account?page=${page}&size=${HISTORY_PAGE_SIZE}"),
                        containsString("waiverRequest(typed.cents, reason.reason)"),
                        containsString("cell(line.receipt), cell(line.by), cell(line.desk)"),
                        containsString("chargeAction(patron.id, charge.body)"),
                        not(containsString("a charge sent twice is charged twice")));
    }

    @Test
    void aChargeAndAPartialWaiverReachTheServiceWithTheirIdempotencyKeyAndTheirAmountAsSent() {
        String charge = "{\"amount\":12.00,\"siteCode\":\"LHS\",\"kind\":\"DAMAGED\",\"note\":\"torn cover\"}";
        given().header("Authorization", TOKEN).header("Idempotency-Key", "0d5f3a9e-7c21-4b8e-9f60-3e2d1c4b5a69")
                .contentType("application/json").body(charge)
                .when().post("/api/catalog/v1/patrons/42/fees")
                .then().statusCode(404);
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("/api/v1/patrons/42/fees", received.uri());
        assertEquals("0d5f3a9e-7c21-4b8e-9f60-3e2d1c4b5a69", received.header("Idempotency-Key"));
        assertEquals(charge, received.body());

        String waiver = "{\"amount\":0.50,\"reason\":\"first offence\"}";
        given().header("Authorization", TOKEN).header("Idempotency-Key", "a8b9c0d1-e2f3-4a5b-8c7d-9e0f1a2b3c4d")
                .contentType("application/json").body(waiver)
                .when().post("/api/catalog/v1/fees/7/waivers")
                .then().statusCode(404);
        received = FakeServices.LAST.get();
        assertEquals("/api/v1/fees/7/waivers", received.uri());
        assertEquals("a8b9c0d1-e2f3-4a5b-8c7d-9e0f1a2b3c4d", received.header("Idempotency-Key"));
        assertEquals(waiver, received.body(), "0.50 stays 0.50");
    }

    @Test
    void aPaymentReachesTheServiceWithItsIdempotencyKeyAndItsAmountAsSent() {
        String body = "{\"amount\":12.50,\"method\":\"CASH\",\"siteCode\":\"LHS\"}";
        given().header("Authorization", TOKEN).header("Idempotency-Key", "6f1c2b7e-0b4a-4f53-9d1e-2a9c8e7f6a51")
                .contentType("application/json").body(body)
                .when().post("/api/catalog/v1/patrons/42/payments")
                .then().statusCode(404);
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("/api/v1/patrons/42/payments", received.uri());
        assertEquals("6f1c2b7e-0b4a-4f53-9d1e-2a9c8e7f6a51", received.header("Idempotency-Key"));
        assertEquals(body, received.body(), "12.50 stays 12.50");
    }

    @Test
    void theDesksPatronCardShowsThePatronsPictureAndStaffCanUploadOrRemoveIt() {
        String page = given().when().get("/").then().statusCode(200)
                .body(containsString("<img id=\"patron-photo\" class=\"patron-photo\" alt=\"\" hidden>"),
                        containsString("id=\"photo-part\""), containsString("id=\"photo-file\""),
                        containsString("accept=\"image/jpeg,image/png"), containsString("id=\"photo-upload\""),
                        containsString("id=\"photo-remove\""), containsString("id=\"photo-message\""))
                .extract().asString();
        assertTrue(page.indexOf("id=\"patron-card\"") < page.indexOf("id=\"patron-photo\"")
                && page.indexOf("id=\"patron-photo\"") < page.indexOf("id=\"photo-part\"")
                && page.indexOf("id=\"photo-part\"") < page.indexOf("id=\"checkout-form\""), "in the patron card");
        assertTrue(page.contains("<script src=\"/patron-photo.js\"></script>"), "the picture's logic is loaded");
        given().when().get("/patron-photo.js").then().statusCode(200)
                .body(containsString("function photoSlot"), containsString("revokeObjectURL"),
                        containsString("function photoUpload"),
                        not(containsString("localStorage")), not(containsString("https://")));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("api(photoPath(patron.id), { headers: { Accept: \"image/jpeg, image/png\" } })"),
                        containsString("deskPhoto.show(ticket, blob)"), containsString("photoAlt(patron)"),
                        containsString("method: \"PUT\", headers: { \"Content-Type\": checked.type }, body: file"),
                        containsString("method: \"DELETE\""), containsString("resetPhoto();"),
                        containsString("photoSlot(URL)"));
        given().when().get("/app.css").then().statusCode(200).body(containsString(".patron-photo"));
    }

    @Test
    void aPictureGoesUpAndComesBackByteForByteWithItsCacheControl() {
        byte[] picture = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, (byte) 0x9A, (byte) 0xC3, 0};
        given().header("Authorization", TOKEN).contentType("image/jpeg").body(picture)
                .when().put("/api/catalog/v1/patrons/42/photo")
                .then().statusCode(200).body("bytes", equalTo(picture.length));
        FakeServices.Received received = FakeServices.LAST.get();
        assertEquals("PUT", received.method());
        assertEquals("/api/v1/patrons/42/photo", received.uri());
        assertTrue(received.header("Content-Type").startsWith("image/jpeg"), received.header("Content-Type"));
        assertTrue(java.util.Arrays.equals(picture, received.bytes()), "sent byte for byte");

        byte[] back = given().header("Authorization", TOKEN).accept("image/jpeg, image/png")
                .when().get("/api/catalog/v1/patrons/42/photo")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "private, no-store")
                .extract().asByteArray();
        assertTrue(java.util.Arrays.equals(FakeServices.PICTURE, back), "answered byte for byte");
    }

    @Test
    void staffHaveAnInventoryCardThatScansInBatchesAndAWeedingCardThatWithdraws() {
        String page = given().when().get("/").then().statusCode(200)
                .body(containsString("<section class=\"card\" id=\"inventory\" hidden>"), containsString("Inventory"),
                        containsString("id=\"inventory-site\""), containsString("id=\"inventory-start-form\""),
                        containsString("id=\"inventory-call-from\""), containsString("id=\"inventory-skip-since\""),
                        containsString("list=\"inventory-shelf-locations\""),
                        containsString("<datalist id=\"inventory-shelf-locations\">"),
                        containsString("id=\"inventory-barcode\""), containsString("id=\"inventory-scan-status\""),
                        containsString("id=\"inventory-finish\""), containsString("id=\"inventory-cancel\""),
                        containsString("id=\"inventory-report-kind\""), containsString("id=\"inventory-report-print\""),
                        containsString("<section class=\"card\" id=\"weeding\" hidden>"), containsString("Weeding"),
                        containsString("id=\"weeding-reason\""), containsString("id=\"weeding-disposal\""),
                        containsString("id=\"weeding-barcode\""))
                .extract().asString();
        assertTrue(page.contains("<script src=\"/inventory-weeding.js\"></script>"), "the cards' logic is loaded");
        given().when().get("/inventory-weeding.js").then().statusCode(200)
                .body(containsString("function scanQueue"), containsString("function finishConfirmation"),
                        containsString("not scanned will be marked missing"), not(containsString("https://")));
        given().when().get("/app.js").then().statusCode(200)
                .body(containsString("/api/catalog/v1/inventories?siteCode="), containsString("/scans`"),
                        containsString("/finish`"), containsString("/cancel`"),
                        containsString("/api/catalog/v1/district-lists/withdrawal-reasons"),
                        containsString("/api/catalog/v1/district-lists/disposal-methods"),
                        containsString("/withdraw`"), containsString("window.print()"));
        given().when().get("/app.css").then().statusCode(200).body(containsString("body.print-report"));
    }

    @Test
    void aPrintableAnswerIsAskedForWithItsAcceptHeaderAndPassesByteForByte() {
        byte[] pdf = given().header("Authorization", TOKEN).accept("application/pdf")
                .when().get("/api/catalog/v1/holds/pull-list?siteCode=LHS")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(java.util.Arrays.equals(FakeServices.PDF, pdf));
        assertEquals("application/pdf", FakeServices.LAST.get().header("Accept"));
        assertEquals("/api/v1/holds/pull-list?siteCode=LHS", FakeServices.LAST.get().uri());
    }

    @Test
    void readyWithoutAnyService() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
