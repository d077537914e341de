package org.lrms.catalog.copy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class CopyResourceTest {

    String titleId;

    @BeforeEach
    void sitesAndTitle() {
        CatalogFixtures.site("LHS");
        CatalogFixtures.site("MMS");
        CatalogFixtures.site("DISTRICT");
        titleId = CatalogFixtures.title("Holes");
    }

    @Test
    void siteStaffAddACopyAtTheirSiteAndCopyAddedCarriesTheSnapshot() {
        String barcode = CatalogFixtures.uniqueBarcode();
        String copyId = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", barcode, "price", 12.5, "shelfLocation", "Fiction",
                        "categories", List.of("Reading program"), "fundingSource", "PTA"))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(201).body("barcode", equalTo(barcode)).body("status", equalTo("AVAILABLE"))
                .body("categories", hasItem("READING_PROGRAM"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("status", equalTo("AVAILABLE")).body("siteCode", equalTo("LHS"))
                .body("titleId", equalTo(titleId)).body("title", equalTo("Holes"))
                .body("callNumber", equalTo("813.54")).body("categories", hasItem("READING_PROGRAM"))
                .body("price", equalTo(12.5f));

        EventEnvelope event = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId, e -> true);
        assertEquals("CopyAdded", event.type());
        assertEquals("LHS", event.siteCode());
        CopySnapshot copy = EventJson.payload(event, CopyAdded.class).copy();
        assertEquals(barcode, copy.barcode());
        assertEquals("Holes", copy.title());
        assertEquals("Test Author", copy.author());
        assertEquals("BOOK", copy.materialType());
        assertEquals(0, new BigDecimal("12.50").compareTo(copy.price()));
        assertEquals(List.of("READING_PROGRAM"), copy.categories());
        assertEquals("813.54", copy.callNumber());
        assertEquals(ShelfKey.of("813.54"), copy.shelfKey(), "the shelf key travels with the copy");
    }

    @Test
    void aLookupByBarcodeShowsEveryFieldOfTheCopyAsItWasAdded() {
        String barcode = CatalogFixtures.uniqueBarcode();
        Map<String, Object> added = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", barcode, "callNumber", "FIC SAC", "price", 7.25,
                        "shelfLocation", "Fiction", "acquiredOn", "2025-08-14", "fundingSource", "PTA",
                        "condition", "FAIR", "categories", List.of("Reading program", "Spanish")))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(201).extract().jsonPath().getMap("$");

        Map<String, Object> found = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getMap("$");

        // stored timestamps keep microseconds; the rest is the same view, field for field
        for (String time : List.of("createdAt", "updatedAt")) {
            assertEquals(Instant.parse((String) added.get(time)).truncatedTo(ChronoUnit.MILLIS),
                    Instant.parse((String) found.get(time)).truncatedTo(ChronoUnit.MILLIS), time);
        }
        added.keySet().removeAll(List.of("createdAt", "updatedAt"));
        found.keySet().removeAll(List.of("createdAt", "updatedAt"));
        assertEquals(added, found);
        assertEquals(List.of("READING_PROGRAM", "SPANISH"), found.get("categories"));
        assertEquals("Holes", found.get("title"));
        assertEquals("2025-08-14", found.get("acquiredOn"));
        assertNull(found.get("lastSeenAt"));
        assertNull(found.get("destinationSiteCode"));
    }

    @Test
    void staffOfAnotherSiteGet403AndNothingIsAdded() {
        String barcode = CatalogFixtures.uniqueBarcode();
        given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", barcode))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString(barcode));
    }

    @Test
    void anonymousGets401AndStudentsAndTeachers403() {
        given().contentType(ContentType.JSON).body(Map.of("siteCode", "LHS"))
                .when().post("/api/v1/titles/" + titleId + "/copies").then().statusCode(401);
        given().auth().oauth2(TestTokens.student("LHS")).contentType(ContentType.JSON).body(Map.of("siteCode", "LHS"))
                .when().post("/api/v1/titles/" + titleId + "/copies").then().statusCode(403);
        String barcode = CatalogFixtures.copy(titleId, "LHS");
        given().auth().oauth2(TestTokens.teacher("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("MMS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("your account does not hold site LHS"));
        given().when().get("/api/v1/copies/" + barcode).then().statusCode(401);
    }

    @Test
    void unknownSiteIsA422NamingSiteCode() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "NOWHERE", "barcode", CatalogFixtures.uniqueBarcode()))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("siteCode"));
    }

    @Test
    void duplicateBarcodeIsA409NamingBarcode() {
        String barcode = CatalogFixtures.copy(titleId, "LHS");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "MMS", "barcode", barcode))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("duplicate-barcode")).body("errors[0].field", equalTo("barcode"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("siteCode", equalTo("LHS"));
    }

    @Test
    void badBarcodeAndUnknownCategoryAre400sNamingTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", "has space"))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(400).body("errors[0].field", equalTo("barcode"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", CatalogFixtures.uniqueBarcode(),
                        "categories", List.of("Secret shelf")))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(400).body("errors[0].field", equalTo("categories"));
    }

    @Test
    void severalCopiesAtOnceGetBarcodesFromTheSiteRange() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(List.of(Map.of("siteCode", site)))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(422).body("code", equalTo("no-barcode-range"));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("prefix", site, "firstNumber", 1, "lastNumber", 999, "digits", 5))
                .when().put("/api/v1/sites/" + site + "/barcode-range").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("prefix", site, "firstNumber", 1, "lastNumber", 999, "digits", 5))
                .when().put("/api/v1/sites/" + site + "/barcode-range").then().statusCode(200);

        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(List.of(Map.of("siteCode", site), Map.of("siteCode", site),
                        Map.of("siteCode", site, "status", "IN_PROCESSING")))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(201).body("$", hasSize(3))
                .body("barcode", equalTo(List.of(site + "00001", site + "00002", site + "00003")))
                .body("status[2]", equalTo("IN_PROCESSING"));
    }

    @Test
    void aBatchWithOneBadCopyAddsNone() {
        String good = CatalogFixtures.uniqueBarcode();
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(List.of(Map.of("siteCode", "LHS", "barcode", good),
                        Map.of("siteCode", "MMS", "barcode", CatalogFixtures.uniqueBarcode())))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + good)
                .then().statusCode(404);
    }

    @Test
    void aNullInTheListOfCopiesIsA400NamingItAndAddsNone() {
        String good = CatalogFixtures.uniqueBarcode();
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body("[{\"siteCode\":\"LHS\",\"barcode\":\"" + good + "\"},null]")
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1]"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + good)
                .then().statusCode(404);
    }

    @Inject
    DataSource dataSource;

    @Test
    void aBarcodeTakenByAnotherDeskWhileTheCopyIsAddedIsA409NamingIt() throws Exception {
        String barcode = CatalogFixtures.uniqueBarcode();
        String otherTitle = CatalogFixtures.title("Other desk");
        CompletableFuture<ValidatableResponse> adding;
        try (Connection desk = dataSource.getConnection(); Connection watch = dataSource.getConnection()) {
            desk.setAutoCommit(false);
            // the other desk's transaction has added the barcode, not committed yet: the service's check misses it
            try (PreparedStatement insert = desk.prepareStatement("INSERT INTO copy (id, title_id, barcode, site_code,"
                    + " status) VALUES (?, ?, ?, 'MMS', 'AVAILABLE')")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(otherTitle));
                insert.setString(3, barcode);
                insert.executeUpdate();
            }
            adding = CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.siteStaff("LHS"))
                    .contentType(ContentType.JSON).body(Map.of("siteCode", "LHS", "barcode", barcode))
                    .when().post("/api/v1/titles/" + titleId + "/copies").then());
            // the service's insert waits on the other desk's uncommitted row (unique index); then that desk commits
            await().atMost(Duration.ofSeconds(30)).until(() -> insertWaitingOnALock(watch));
            desk.commit();
        }
        adding.get(30, TimeUnit.SECONDS).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("duplicate-barcode")).body("errors[0].field", equalTo("barcode"))
                .body("detail", containsString(barcode));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("siteCode", equalTo("MMS")).body("titleId", equalTo(otherTitle));
    }

    private static boolean insertWaitingOnALock(Connection watch) throws Exception {
        try (PreparedStatement query = watch.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND query ILIKE 'insert into copy%'");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    @Test
    void aWeedingLogDateThatIsNoInstantIsA400NamingTheParameter() {
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/weeding-log?from=2026-01-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from")).body("detail", containsString("2026-01-31T00:00:00Z"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/weeding-log?from=2026-01-01T00:00:00Z")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void staffChangeACopyButNotIntoCheckedOut() {
        String barcode = CatalogFixtures.copy(titleId, "LHS");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("shelfLocation", "Display", "condition", "GOOD", "status", "DAMAGED"))
                .when().patch("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("shelfLocation", equalTo("Display")).body("status", equalTo("DAMAGED"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("status", "CHECKED_OUT"))
                .when().patch("/api/v1/copies/" + barcode)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ContentType.JSON)
                .body(Map.of("shelfLocation", "Elsewhere"))
                .when().patch("/api/v1/copies/" + barcode).then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().body("status", equalTo("DAMAGED")).body("shelfLocation", equalTo("Display"));
    }

    @Test
    void districtStaffAddCentrallyAndSendToASchoolWhichReceivesIt() {
        String barcode = CatalogFixtures.copy(titleId, "DISTRICT");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("toSiteCode", "LHS"))
                .when().post("/api/v1/copies/" + barcode + "/send").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("toSiteCode", "LHS"))
                .when().post("/api/v1/copies/" + barcode + "/send")
                .then().statusCode(200).body("status", equalTo("IN_TRANSIT"))
                .body("destinationSiteCode", equalTo("LHS")).body("siteCode", equalTo("DISTRICT"));
        given().auth().oauth2(TestTokens.siteStaff("MMS")).when().post("/api/v1/copies/" + barcode + "/receive")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().post("/api/v1/copies/" + barcode + "/receive")
                .then().statusCode(200).body("status", equalTo("AVAILABLE")).body("siteCode", equalTo("LHS"));
    }

    @Test
    void withdrawingKeepsTheCopyInTheWeedingLog() {
        String barcode = CatalogFixtures.copy(titleId, "LHS");
        String copyId = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("reason", "weeded", "disposalMethod", "Donated", "note", "outdated"))
                .when().post("/api/v1/copies/" + barcode + "/withdraw")
                .then().statusCode(200).body("reason", equalTo("WEEDED")).body("disposalMethod", equalTo("DONATED"))
                .body("previousStatus", equalTo("AVAILABLE")).extract().path("copyId");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/weeding-log?siteCode=LHS")
                .then().statusCode(200).body("barcode", hasItem(barcode));
        given().auth().oauth2(TestTokens.siteStaff("MMS")).when().get("/api/v1/weeding-log")
                .then().statusCode(200).body("barcode", not(hasItem(barcode)));
        given().auth().oauth2(TestTokens.siteStaff("MMS")).when().get("/api/v1/weeding-log?siteCode=LHS")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("reason", "weeded", "disposalMethod", "Donated"))
                .when().post("/api/v1/copies/" + barcode + "/withdraw")
                .then().statusCode(409).body("code", equalTo("copy-withdrawn"));

        EventEnvelope event = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId,
                e -> e.type().equals("CopyWithdrawn"));
        CopyWithdrawn withdrawn = EventJson.payload(event, CopyWithdrawn.class);
        assertEquals("WEEDED", withdrawn.reason());
        assertEquals("WITHDRAWN", withdrawn.copy().status());
    }

    @Test
    void anUnknownReasonOrBarcodeInABatchWithdrawsNothing() {
        String first = CatalogFixtures.copy(titleId, "LHS");
        String second = CatalogFixtures.copy(titleId, "LHS");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("reason", "boredom", "disposalMethod", "RECYCLED", "barcodes", List.of(first)))
                .when().post("/api/v1/copies/withdrawals")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("reason", "DAMAGED", "disposalMethod", "RECYCLED",
                        "barcodes", List.of(first, "NO-SUCH-COPY", second)))
                .when().post("/api/v1/copies/withdrawals")
                .then().statusCode(422).body("errors[0].field", equalTo("barcodes[1]"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + first)
                .then().body("status", equalTo("AVAILABLE"));

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("reason", "DAMAGED", "disposalMethod", "RECYCLED", "barcodes", List.of(first, second)))
                .when().post("/api/v1/copies/withdrawals")
                .then().statusCode(200).body("$", hasSize(2)).body("reason", everyItem(equalTo("DAMAGED")));
    }

    @Test
    void editingTheTitleRepublishesItsCopiesSnapshots() {
        String barcode = CatalogFixtures.copy(titleId, "LHS");
        String copyId = given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/copies/" + barcode)
                .then().extract().path("id");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Holes (anniversary edition)", "authors", List.of("Louis Sachar"),
                        "materialType", "AUDIOBOOK"))
                .put("/api/v1/titles/" + titleId).then().statusCode(200);
        EventEnvelope event = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId,
                e -> e.type().equals("CopyUpdated"));
        CopySnapshot copy = EventJson.payload(event, CopyUpdated.class).copy();
        assertEquals("Holes (anniversary edition)", copy.title());
        assertEquals("Louis Sachar", copy.author());
        assertEquals("AUDIOBOOK", copy.materialType());
    }

    @Test
    void districtStaffExtendTheDistrictLists() {
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("label", "Graphic novels"))
                .when().put("/api/v1/district-lists/copy-categories/GRAPHIC").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("label", "Graphic novels"))
                .when().put("/api/v1/district-lists/copy-categories/GRAPHIC").then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/district-lists/copy-categories")
                .then().statusCode(200).body("code", hasItem("GRAPHIC"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", "LHS", "barcode", CatalogFixtures.uniqueBarcode(),
                        "categories", List.of("graphic")))
                .when().post("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(201).body("categories", hasItem("GRAPHIC"))
                .body("barcode", startsWith("T"));
    }
}
