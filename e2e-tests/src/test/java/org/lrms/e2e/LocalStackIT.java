package org.lrms.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole suite, as a newcomer runs it: real PostgreSQL, Kafka, Keycloak, the five services and the portal, started
 * by {@code deploy/local/run.sh} and stopped by {@code deploy/local/stop.sh}; real tokens from Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final String PASSWORD = "changeit";   // the realm's local-only demo password
    private static LocalStack stack;
    private static DeskBrowser browser;

    /** A failed test leaves what the browser showed beside the components' logs. */
    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot(stack.state().resolve("logs/desk-failed-" + context.getRequiredTestMethod().getName()
                        + ".png"));
            }
        }
    };
    private static String deskPatron;
    private static String deskItem;

    @BeforeAll
    static void startTheStack() {
        stack = new LocalStack();
        assumeTrue(stack.keycloakJdk().isPresent(), "SKIPPED: Keycloak 26 needs a JDK 21+ and none was found "
                + "(install one under /usr/lib/jvm or set LRMS_KEYCLOAK_JAVA_HOME; see deploy/local/prerequisites.sh)");
        stack.clean();
        LocalStack.Result run = stack.up();
        assertEquals(0, run.exitCode(), "deploy/local/run.sh failed:\n" + run.output());
    }

    @AfterAll
    static void stopTheStack() {
        if (browser != null) {
            browser.close();
        }
        if (stack == null || stack.keycloakJdk().isEmpty()) {
            return;
        }
        LocalStack.Result stop = stack.down();
        assertEquals(0, stop.exitCode(), "deploy/local/stop.sh failed:\n" + stop.output());
        assertEquals(List.of(), stack.alive(), "stop.sh left processes running");
    }

    @Test
    @Order(1)
    void everyServiceAndThePortalAreReady() {
        for (String service : LocalStack.SERVICES) {
            given().get(stack.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(stack.url(service) + "/q/openapi").then().statusCode(200);
        }
        given().get(stack.url("portal") + "/q/health/ready").then().statusCode(200);
        given().get(stack.url("portal") + "/").then().statusCode(200).body(containsString("Search the catalog"));
        given().get(stack.url("portal") + "/portal/services").then().statusCode(200)
                .body("status", equalTo(List.of("UP", "UP", "UP", "UP", "UP")));
    }

    @Test
    @Order(2)
    void keycloakTokensCarryRolesAndSites() {
        JsonPath admin = claims(token("district.admin"));
        assertEquals(stack.realm(), admin.getString("iss"));
        assertTrue(admin.getList("groups").contains("district-admin"), admin.prettify());

        JsonPath technician = claims(token("tech.rms"));
        assertEquals(List.of("site-staff"), technician.getList("groups"));
        assertEquals(List.of("RMS"), technician.getList("sites"));

        String integration = given().formParams(Map.of("grant_type", "client_credentials", "client_id", "lrms-sis",
                        "client_secret", "lrms-sis-local-only-secret"))
                .post(stack.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals(List.of("integration"), claims(integration).getList("groups"));
    }

    @Test
    @Order(3)
    void theServicesRefuseAnonymousCallersAndTheWrongRole() {
        given().contentType("application/json").body(Map.of("title", "Holes"))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(401);
        given().auth().oauth2(token("student.demo")).contentType("application/json").body(Map.of("title", "Holes"))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(4)
    void theTokenReachesAServiceThroughThePortal() {
        given().auth().oauth2(token("district.admin"))
                .get(stack.url("portal") + "/api/catalog/v1/titles/" + UUID.randomUUID())
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(5)
    void aTitleCreatedInCatalogIsCountedByReportingWithinFiveSeconds() {
        String admin = token("district.admin");
        long before = titlesCounted(admin);

        createTitle(admin, "Hatchet");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> titlesCounted(admin) == before + 1);
    }

    @Test
    @Order(6)
    void aTechnicianSignsInAtThePortalAndChecksOutAndInWithTheScanner() {
        Path[] chromium = DeskBrowser.installed().orElse(null);
        assumeTrue(chromium != null, "SKIPPED: no chromium and chromedriver on the PATH (apt-get install chromium "
                + "chromium-driver): the portal's desk is not driven in a browser");
        String admin = token("district.admin");
        deskPatron = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        deskItem = "E2E-C-" + UUID.randomUUID().toString().substring(0, 8);
        String patronId = preparedDesk(admin, deskPatron, deskItem);

        browser = DeskBrowser.open(chromium);
        browser.signIn(stack.url("portal"), "tech.lhs", PASSWORD);
        assertTrue(browser.visible("desk"), "the desk shows for site staff");
        assertEquals("LHS", browser.value("desk-site"), "the desk is at the technician's school");

        browser.scan("patron-barcode", deskPatron);
        browser.awaitText("patron-name", "Ana Lopez");
        browser.scan("checkout-item", deskItem);
        String lent = browser.awaitText("desk-message", deskItem + " checked out. Due ");
        assertTrue(lent.matches(".* Due \\w{3}, \\w{3} \\d{1,2}, \\d{4}\\.$"), lent);
        copyState(admin, deskItem, "CHECKED_OUT");

        browser.scan("checkout-item", "NO-SUCH-" + deskItem);
        browser.awaitText("desk-message", "not checked out: ");

        browser.click(By.id("mode-checkin"));
        browser.scan("checkin-item", deskItem);
        browser.awaitText("desk-message", deskItem + ": Shelve it.");
        copyState(admin, deskItem, "AVAILABLE");

        // a blocked patron: the override needs a supervisor; the permission is matched on Keycloak's username
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("note", "laptop not returned"))
                .put(stack.url("circulation") + "/api/v1/patrons/" + patronId + "/block").then().statusCode(200);
        browser.click(By.id("mode-checkout"));
        browser.scan("patron-barcode", deskPatron);
        browser.awaitText("patron-warnings", "Blocked: laptop not returned");
        browser.scan("checkout-item", deskItem);
        browser.awaitText("desk-message", "not checked out: ");
        browser.scan("override-reason", "principal approved");
        browser.awaitText("desk-message", "needs the permission override-refusal at site LHS");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", "tech.lhs", "siteCode", "LHS", "permission", "override-refusal"))
                .post(stack.url("circulation") + "/api/v1/staff-permissions").then().statusCode(201);
        browser.scan("checkout-item", deskItem);
        browser.awaitText("desk-message", "not checked out: ");
        browser.scan("override-reason", "principal approved");
        browser.awaitText("desk-message", deskItem + " checked out. Due ");
        browser.awaitText("desk-rows", "(override: principal approved)");
        browser.screenshot(stack.state().resolve("logs/desk-online.png"));
        given().auth().oauth2(admin).delete(stack.url("circulation") + "/api/v1/patrons/" + patronId + "/block")
                .then().statusCode(200);
        browser.click(By.id("mode-checkin"));
        browser.scan("checkin-item", deskItem);
        browser.awaitText("desk-message", deskItem + ": Shelve it.");
        copyState(admin, deskItem, "AVAILABLE");
    }

    @Test
    @Order(7)
    void aCheckOutWhileCirculationIsDownIsKeptInTheBrowserAndUploadedWhenItIsBack() {
        assumeTrue(browser != null, "SKIPPED: the desk was not driven in a browser");
        ProcessHandle circulation = stack.pid("circulation").flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError("no running circulation service recorded in the pid files"));
        circulation.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !circulation.isAlive());

        browser.click(By.id("mode-checkout"));
        browser.scan("patron-barcode", deskPatron);
        browser.awaitText("desk-message", "Circulation cannot be reached");
        browser.scan("checkout-item", deskItem);
        browser.awaitText("desk-message", "is kept in this browser (1 waiting)");
        browser.awaitText("offline-count", "1 transaction kept");
        browser.screenshot(stack.state().resolve("logs/desk-offline.png"));

        LocalStack.Result again = stack.up();
        assertEquals(0, again.exitCode(), "run.sh (to start circulation again) failed:\n" + again.output());
        assertTrue(again.output().contains("starting circulation"), again.output());

        browser.click(By.id("offline-upload"));
        browser.awaitText("desk-message", "Uploaded: 1 applied, 0 conflicts.");
        assertFalse(browser.visible("offline"), "nothing is left to upload");
        copyState(token("district.admin"), deskItem, "CHECKED_OUT");
    }

    @Test
    @Order(8)
    void titlesCreatedWhileKafkaIsDownAreAllCountedOnceItIsBack() {
        String admin = token("district.admin");
        long before = titlesCounted(admin);
        ProcessHandle kafka = stack.pid("kafka").flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError("no running Kafka broker recorded in the pid files"));
        kafka.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.isAlive());

        for (String title : List.of("Number the Stars", "Bridge to Terabithia", "Island of the Blue Dolphins")) {
            createTitle(admin, title);   // the desk keeps working: the events wait in catalog's outbox
        }

        LocalStack.Result again = stack.up();
        assertEquals(0, again.exitCode(), "run.sh (second run) failed:\n" + again.output());
        assertTrue(again.output().contains("starting kafka"), again.output());
        assertTrue(again.output().contains("catalog already running"), again.output());
        assertTrue(again.output().contains("keycloak already running"), again.output());

        String fresh = token("district.admin");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> titlesCounted(fresh) == before + 3);
    }


    @Test
    @Order(9)
    void aHoldAvailableNoticeReachesThePatronsMailboxInTheirLanguage() {
        String admin = token("district.admin");
        String borrower = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        String item = "E2E-C-" + UUID.randomUUID().toString().substring(0, 8);
        preparedDesk(admin, borrower, item);
        String waiting = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        String address = waiting.toLowerCase() + "@students.example";
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("barcode", waiting, "firstName", "Luis", "lastName", "Ortega", "patronType", "STUDENT",
                        "homeSite", "LHS", "grade", "10", "email", address, "language", "es"))
                .post(stack.url("circulation") + "/api/v1/patrons").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("siteCode", "LHS", "patronBarcode", borrower, "itemBarcode", item))
                .post(stack.url("circulation") + "/api/v1/checkouts").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("patronBarcode", waiting, "itemBarcode", item, "pickupSite", "LHS"))
                .post(stack.url("circulation") + "/api/v1/holds").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("siteCode", "LHS", "itemBarcode", item))
                .post(stack.url("circulation") + "/api/v1/checkins").then().statusCode(200);
        copyState(admin, item, "ON_HOLD_SHELF");

        // the desk's e-mail run: through SMTP to the stack's mail catcher, nothing leaves the machine
        given().auth().oauth2(admin).post(stack.url("circulation") + "/api/v1/notices/emails?site=LHS")
                .then().statusCode(200).body("sent", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        JsonPath inbox = given().get(stack.mail() + "/api/user/" + address + "/messages/INBOX")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Tu reserva está disponible"), inbox.getList("subject"), inbox.prettify());
        String message = inbox.getString("[0].mimeMessage");
        assertTrue(message.contains("To: " + address), message);
        assertTrue(message.contains("Luis"), message);
        String catcherLog = readLog("mail");
        assertFalse(catcherLog.contains(address), "the mail catcher logged a patron's address:\n" + catcherLog);
    }


    @Test
    @Order(10)
    void aTechnicianCountsAShelfAndWeedsACopyAtThePortal() {
        assumeTrue(browser != null, "SKIPPED: the portal was not driven in a browser");
        String admin = token("district.admin");
        String shelf = "E2E shelf " + UUID.randomUUID().toString().substring(0, 8);
        String onShelf = "E2E-S-" + UUID.randomUUID().toString().substring(0, 8);
        String gone = "E2E-G-" + UUID.randomUUID().toString().substring(0, 8);
        String titleId = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("title", "Hatchet", "authors", List.of("Gary Paulsen")))
                .post(stack.url("catalog") + "/api/v1/titles").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType("application/json")
                .body(List.of(Map.of("siteCode", "LHS", "barcode", onShelf, "shelfLocation", shelf),
                        Map.of("siteCode", "LHS", "barcode", gone, "shelfLocation", shelf)))
                .post(stack.url("catalog") + "/api/v1/titles/" + titleId + "/copies").then().statusCode(201);

        assertTrue(browser.visible("inventory"), "the inventory card shows for site staff");
        browser.type(By.id("inventory-site"), "LHS");
        browser.click(By.cssSelector("#inventory-list-form button[type=submit]"));
        // the school's shelf locations are offered in the start form (from the catalog's copies)
        browser.awaitPresent(By.cssSelector("#inventory-shelf-locations option[value='" + shelf + "']"));
        browser.click(By.cssSelector("#inventory-start-panel summary"));
        browser.type(By.id("inventory-shelf-location"), shelf);
        browser.click(By.id("inventory-start"));
        browser.awaitText("inventory-title", shelf);
        browser.scan("inventory-barcode", onShelf);
        browser.scan("inventory-barcode", "NO-SUCH-" + onShelf);
        browser.awaitText("inventory-scan-status", "2 scans sent, 0 waiting");
        browser.click(By.id("inventory-finish"));
        browser.acceptConfirm();
        browser.awaitText("inventory-message", "Finished: 1 missing, 0 found, 0 misplaced.");
        browser.awaitText("inventory-report-rows", gone);
        browser.screenshot(stack.state().resolve("logs/inventory-finished.png"));
        catalogStatus(admin, gone, "MISSING");
        catalogStatus(admin, onShelf, "AVAILABLE");

        browser.choose("weeding-reason", "WEEDED");
        browser.choose("weeding-disposal", "RECYCLED");
        browser.scan("weeding-barcode", gone);
        browser.awaitText("weeding-message", "Withdrawn: Hatchet");
        catalogStatus(admin, gone, "WITHDRAWN");
    }

    @Test
    @Order(11)
    void aTechnicianTakesAPaymentAtTheDeskAndTheReceiptNamesTheDesk() {
        assumeTrue(browser != null, "SKIPPED: the desk was not driven in a browser");
        String admin = token("district.admin");
        String payer = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        String patronId = preparedDesk(admin, payer, "E2E-C-" + UUID.randomUUID().toString().substring(0, 8));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("siteCode", "LHS", "kind", "DAMAGED", "amount", "4.50", "note", "water damage"))
                .post(stack.url("circulation") + "/api/v1/patrons/" + patronId + "/fees").then().statusCode(201);

        browser.click(By.id("mode-checkout"));
        browser.scan("patron-barcode", payer);
        browser.awaitText("account-balance", "Owes $4.50 (1 open fee).");
        browser.click(By.id("account-summary"));
        browser.awaitText("account-rows", "water damage");
        browser.click(By.id("account-pay-open"));
        browser.type(By.id("account-amount"), "2.00");
        browser.click(By.id("account-pay"));
        String receipt = browser.awaitText("account-receipt", "$2.00 paid in cash. Still owed: $2.50.");
        String receiptNo = receipt.replaceAll("^Receipt (\\S+):.*$", "$1");
        browser.awaitText("account-balance", "Owes $2.50 (1 open fee).");
        browser.screenshot(stack.state().resolve("logs/desk-payment.png"));

        // the money is booked once, at the desk that took it (the desk's site, LHS)
        given().auth().oauth2(admin).get(stack.url("circulation") + "/api/v1/receipts/" + receiptNo)
                .then().statusCode(200).body("deskSite", equalTo("LHS")).body("by", equalTo("tech.lhs"));
        given().auth().oauth2(admin).get(stack.url("circulation") + "/api/v1/patrons/" + patronId)
                .then().statusCode(200).body("feeBalance", equalTo(2.5f));
        given().auth().oauth2(admin).accept("application/pdf")
                .get(stack.url("circulation") + "/api/v1/receipts/" + receiptNo)
                .then().statusCode(200).contentType("application/pdf");
    }

    @Test
    @Order(12)
    void aTechnicianPutsAPictureOnThePatronsCardAndRemovesIt() throws IOException {
        assumeTrue(browser != null, "SKIPPED: the desk was not driven in a browser");
        String admin = token("district.admin");
        String pictured = "E2E-P-" + UUID.randomUUID().toString().substring(0, 8);
        String patronId = preparedDesk(admin, pictured, "E2E-C-" + UUID.randomUUID().toString().substring(0, 8));
        Path picture = stack.state().resolve("logs/e2e-picture.jpg");
        BufferedImage camera = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = camera.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        assertTrue(ImageIO.write(camera, "jpg", picture.toFile()), "a JPEG writer");

        browser.click(By.id("mode-checkout"));
        if (browser.visible("patron-card")) {
            browser.click(By.id("patron-done"));
        }
        browser.scan("patron-barcode", pictured);
        browser.awaitText("patron-name", "Ana Lopez");
        browser.click(By.cssSelector("#photo-part > summary"));
        browser.attach("photo-file", picture);
        browser.click(By.id("photo-upload"));
        // stored at most 600 pixels on its longer side, re-encoded (circulation.photos.stored-side)
        browser.awaitText("photo-message", "Picture saved (JPEG, 600 x 400 pixels");
        assertEquals(600, browser.shownPictureWidth("patron-photo"), "the card shows the stored picture");
        browser.screenshot(stack.state().resolve("logs/desk-picture.png"));
        given().auth().oauth2(admin).get(stack.url("circulation") + "/api/v1/patrons/" + patronId + "/photo")
                .then().statusCode(200).contentType("image/jpeg").header("Cache-Control", containsString("no-store"));

        browser.click(By.id("photo-remove"));
        browser.acceptConfirm();
        browser.awaitText("photo-message", "Picture removed.");
        assertFalse(browser.visible("patron-photo"), "no picture on the card");
        given().auth().oauth2(admin).get(stack.url("circulation") + "/api/v1/patrons/" + patronId + "/photo")
                .then().statusCode(404);
    }

    // -----------------------------------------------------------------------------------------------------------

    private static String token(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "lrms-cli", "username", user,
                        "password", PASSWORD))
                .post(stack.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String readLog(String component) {
        try {
            return java.nio.file.Files.readString(stack.log(component), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void createTitle(String token, String title) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(201);
    }

    /** Lincoln High in circulation (the catalog learns it from its events), a copy there, and a patron of it (id). */
    private static String preparedDesk(String admin, String patron, String item) {
        int site = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", "LHS", "name", "Lincoln High", "siteType", "HIGH"))
                .post(stack.url("circulation") + "/api/v1/sites").statusCode();
        assertTrue(site == 201 || site == 409, "site LHS: " + site);
        String titleId = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("title", "Holes", "authors", List.of("Louis Sachar")))
                .post(stack.url("catalog") + "/api/v1/titles").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(admin).contentType("application/json")
                        .body(Map.of("siteCode", "LHS", "barcode", item))
                        .post(stack.url("catalog") + "/api/v1/titles/" + titleId + "/copies").statusCode() == 201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(admin).get(stack.url("circulation") + "/api/v1/copies/" + item)
                        .statusCode() == 200);
        return given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("barcode", patron, "firstName", "Ana", "lastName", "Lopez", "patronType", "STUDENT",
                        "homeSite", "LHS", "grade", "9"))
                .post(stack.url("circulation") + "/api/v1/patrons").then().statusCode(201).extract().path("id");
    }

    private static void copyState(String token, String item, String state) {
        given().auth().oauth2(token).get(stack.url("circulation") + "/api/v1/copies/" + item)
                .then().statusCode(200).body("circulationState", equalTo(state));
    }

    private static void catalogStatus(String token, String barcode, String status) {
        given().auth().oauth2(token).get(stack.url("catalog") + "/api/v1/copies/" + barcode)
                .then().statusCode(200).body("status", equalTo(status));
    }

    private static long titlesCounted(String token) {
        Response report = given().auth().oauth2(token).get(stack.url("reporting") + "/api/v1/reports/collection");
        report.then().statusCode(200);
        return report.jsonPath().getLong("titles");
    }
}
