package org.lrms.catalog.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InventoryTest {

    @Inject
    DataSource dataSource;

    String site;
    String staff;
    String titleId;

    @BeforeEach
    void aSiteWithCopies() {
        site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        CatalogFixtures.site("LHS");
        staff = TestTokens.siteStaff(site);
        titleId = CatalogFixtures.title("Inventory subject");
    }

    @Test
    void finishingMarksUnscannedCopiesMissingFindsMissingOnesAndListsMisplacedOnes() {
        String onShelf = copy("599.1 WIL", "Nonfiction");
        String lostOnShelf = copy("599.9 ZOO", "Nonfiction");
        String fiction = copy("FIC SAC", "Fiction");
        String wasMissing = copy("FIC DAH", "Fiction");
        String onLoan = copy("FIC RAY", "Fiction");
        String elsewhere = CatalogFixtures.copy(titleId, "LHS");
        patchStatus(wasMissing, "MISSING");
        checkOut(onLoan);

        String id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("siteCode", site))
                .when().post("/api/v1/inventories")
                .then().statusCode(201).body("status", equalTo("OPEN")).body("copiesInScope", equalTo(5))
                .extract().path("id");
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(onShelf, fiction, onShelf, "NOT-A-COPY")))
                .when().post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(200).body("received", equalTo(4)).body("newlyScanned", equalTo(3))
                .body("unknownBarcodes", equalTo(1)).body("atOtherSites", equalTo(0));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(wasMissing, elsewhere, fiction)))
                .when().post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(200).body("newlyScanned", equalTo(2)).body("atOtherSites", equalTo(1));

        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("status", equalTo("FINISHED"))
                .body("scanned", equalTo(5)).body("missing", equalTo(1)).body("found", equalTo(1))
                .body("misplaced", equalTo(1));

        assertEquals("MISSING", status(lostOnShelf));
        assertEquals("AVAILABLE", status(wasMissing));
        assertEquals("CHECKED_OUT", status(onLoan));
        assertEquals("AVAILABLE", status(onShelf));

        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id + "/report?kind=missing")
                .then().statusCode(200).body("copies.barcode", equalTo(List.of(lostOnShelf)));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id + "/report")
                .then().statusCode(200)
                .body("copies.barcode", containsInAnyOrder(lostOnShelf, wasMissing, elsewhere, "NOT-A-COPY"))
                .body("perShelfLocation.find { it.shelfLocation == 'Nonfiction' }.missing", equalTo(1))
                .body("perShelfLocation.find { it.shelfLocation == 'Fiction' }.found", equalTo(1));

        EventEnvelope event = CatalogFixtures.awaitEvent(Topics.CATALOG_INVENTORIES, id, e -> true);
        InventoryFinished finished = EventJson.payload(event, InventoryFinished.class);
        assertEquals(1, finished.missing());
        assertEquals(site, finished.siteCode());
        assertEquals(1L, finished.unknownBarcodes());
        assertEquals(0L, finished.copiesSkipped());

        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(409).body("code", equalTo("inventory-finished"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(onShelf)))
                .when().post("/api/v1/inventories/" + id + "/scans").then().statusCode(409);
    }

    @Test
    void aPartialInventoryCoversItsRangeAndSkipsCopiesSeenRecently() {
        String seen = copy("599.1 WIL", "Nonfiction");
        String unseen = copy("599.75 LIO", "Nonfiction");
        String outOfRange = copy("813 FIC", "Fiction");

        String first = start(Map.of("siteCode", site));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(seen)))
                .post("/api/v1/inventories/" + first + "/scans").then().statusCode(200);
        Instant since = Instant.now().minusSeconds(3600);

        Map<String, Object> range = new HashMap<>(Map.of("siteCode", site, "callNumberFrom", "599",
                "callNumberTo", "599", "skipSeenSince", since.toString()));
        String partial = start(range);
        // the copy scanned an hour ago is skipped: in scope, but not expected again
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + partial)
                .then().body("copiesInScope", equalTo(2)).body("copiesSkipped", equalTo(1))
                .body("copiesExpected", equalTo(1)).body("scope", equalTo(site + ": call numbers 599 to 599"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(outOfRange)))
                .post("/api/v1/inventories/" + partial + "/scans").then().statusCode(200);
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + partial + "/finish")
                .then().statusCode(200).body("missing", equalTo(1)).body("misplaced", equalTo(1))
                .body("copiesInScope", equalTo(2)).body("copiesSkipped", equalTo(1)).body("copiesExpected", equalTo(1));
        InventoryFinished finished = EventJson.payload(
                CatalogFixtures.awaitEvent(Topics.CATALOG_INVENTORIES, partial, e -> true), InventoryFinished.class);
        assertEquals(1L, finished.copiesSkipped());
        assertEquals(2, finished.copiesInScope());
        assertEquals("MISSING", status(unseen));
        assertEquals("AVAILABLE", status(seen));
        assertEquals("AVAILABLE", status(outOfRange));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + partial + "/report?kind=misplaced")
                .then().body("copies.barcode", equalTo(List.of(outOfRange)));
        given().auth().oauth2(staff).when().get("/api/v1/inventories?siteCode=" + site)
                .then().statusCode(200).body("id", hasItem(first)).body("id", hasItem(partial));
    }

    @Test
    void aCopyCheckedInSinceIsSeenAndSkippedLikeAScannedOne() {
        String checkedIn = copy("599.1 WIL", "Nonfiction");
        String onShelf = copy("599.75 LIO", "Nonfiction");
        Instant lentAt = Instant.now().minusSeconds(1800).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant returnedAt = lentAt.plusSeconds(900);
        UUID copyId = UUID.fromString(given().auth().oauth2(staff).get("/api/v1/copies/" + checkedIn)
                .then().extract().path("id"));
        LoanSnapshot loan = new LoanSnapshot(UUID.randomUUID(), copyId, checkedIn, UUID.fromString(titleId), site,
                "p-1", "STUDENT", "3", "BOOK", "REGULAR", null, lentAt, lentAt, 0);
        sendLoanEvent(loan, new LoanCreated(loan, null), lentAt);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CHECKED_OUT".equals(status(checkedIn)));
        sendLoanEvent(loan, new LoanClosed(loan, returnedAt, site, null), returnedAt);
        await().atMost(Duration.ofSeconds(30)).until(() -> "AVAILABLE".equals(status(checkedIn)));
        // seen when it was checked in (the event's time), not when the catalog applied it
        assertEquals(returnedAt, Instant.parse(given().auth().oauth2(staff).get("/api/v1/copies/" + checkedIn)
                .then().extract().<String>path("lastSeenAt")));

        String partial = start(Map.of("siteCode", site, "skipSeenSince", returnedAt.minusSeconds(60).toString()));
        // nothing scanned: the copy on the shelf is missing, the one checked in since is not
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + partial + "/finish")
                .then().statusCode(200).body("missing", equalTo(1)).body("copiesInScope", equalTo(2))
                .body("copiesSkipped", equalTo(1)).body("copiesExpected", equalTo(1));
        assertEquals("AVAILABLE", status(checkedIn));
        assertEquals("MISSING", status(onShelf));
    }

    private void sendLoanEvent(LoanSnapshot loan, Object payload, Instant occurredAt) {
        EventEnvelope now = EventJson.envelope("circulation-service", site, loan.loanId().toString(), payload);
        CatalogFixtures.send(Topics.CIRCULATION_LOANS, loan.loanId().toString(), EventJson.write(new EventEnvelope(
                now.eventId(), now.type(), now.version(), occurredAt, now.source(), now.siteCode(),
                now.aggregateId(), now.payload())));
    }

    @Test
    void callNumberRangesFollowTheShelfNotTheAlphabet() {
        String lion = copy("599.75 LIO", "Nonfiction");
        String whale = copy("599.5 WHA", "Nonfiction");
        String plain = copy("599", "Nonfiction");
        String biography = copy("92 LIN", "Nonfiction");
        String tech = copy("600 A", "Nonfiction");
        String five = copy("5 SMA", "Nonfiction");
        String alcott = copy("FIC ALC", "Fiction");
        String martin = copy("fic Martin", "Fiction");
        String sachar = copy("FIC SAC", "Fiction");

        String nonfiction = start(Map.of("siteCode", site, "callNumberFrom", "599", "callNumberTo", "599.99"));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + nonfiction)
                .then().body("copiesInScope", equalTo(3));
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + nonfiction + "/finish")
                .then().statusCode(200).body("missing", equalTo(3));
        // the report lists the shelf in the order a technician walks it
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + nonfiction + "/report?kind=missing")
                .then().body("copies.barcode", equalTo(List.of(plain, whale, lion)));
        for (String untouched : List.of(biography, tech, five, alcott)) {
            assertEquals("AVAILABLE", status(untouched));
        }

        String fiction = start(Map.of("siteCode", site, "callNumberFrom", "FIC A", "callNumberTo", "FIC M"));
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + fiction + "/finish")
                .then().statusCode(200).body("copiesInScope", equalTo(2)).body("missing", equalTo(2));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + fiction + "/report?kind=missing")
                .then().body("copies.barcode", equalTo(List.of(alcott, martin)));
        assertEquals("AVAILABLE", status(sachar));

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "callNumberFrom", "600", "callNumberTo", "92"))
                .post("/api/v1/inventories").then().statusCode(201);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "callNumberFrom", "FIC M", "callNumberTo", "FIC A"))
                .post("/api/v1/inventories").then().statusCode(400).body("errors[0].field", equalTo("callNumberTo"));
    }

    @Test
    void anInventoryOfACirculationTypeCoversOnlyItsCopies() {
        String reference = copy("R 031 WOR", "Reference", "REFERENCE");
        String referenceScanned = copy("R 032 ENC", "Reference", "REFERENCE");
        String regular = copy("599.1 WIL", "Reference", null);
        String regularScanned = copy("599.2 WIL", "Reference", null);

        // the type is upper-cased, as copies keep it
        String id = start(Map.of("siteCode", site, "circulationType", "reference"));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id)
                .then().statusCode(200).body("copiesInScope", equalTo(2));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(referenceScanned, regularScanned)))
                .post("/api/v1/inventories/" + id + "/scans").then().statusCode(200).body("newlyScanned", equalTo(2));
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("copiesInScope", equalTo(2)).body("missing", equalTo(1))
                .body("misplaced", equalTo(1));
        assertEquals("MISSING", status(reference));
        assertEquals("AVAILABLE", status(referenceScanned));
        assertEquals("AVAILABLE", status(regular), "a REGULAR copy is not in a REFERENCE inventory");
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id + "/report?kind=misplaced")
                .then().body("copies.barcode", equalTo(List.of(regularScanned)));
    }

    @Test
    void anInventoryOfAShelfLocationCoversOnlyItsCopies() {
        String fiction = copy("FIC ALC", "Fiction");
        String fictionScanned = copy("FIC BAR", "Fiction");
        String nonfiction = copy("599.3 CAT", "Nonfiction");

        String id = start(Map.of("siteCode", site, "shelfLocation", "Fiction"));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id)
                .then().statusCode(200).body("copiesInScope", equalTo(2));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(fictionScanned)))
                .post("/api/v1/inventories/" + id + "/scans").then().statusCode(200);
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("missing", equalTo(1)).body("misplaced", equalTo(0));
        assertEquals("MISSING", status(fiction));
        assertEquals("AVAILABLE", status(fictionScanned));
        assertEquals("AVAILABLE", status(nonfiction), "the Nonfiction shelf is not in a Fiction inventory");
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id + "/report?kind=missing")
                .then().body("copies.barcode", equalTo(List.of(fiction)))
                .body("perShelfLocation.shelfLocation", equalTo(List.of("Fiction")));
    }

    @Test
    void theSitesShelfLocationsAndCirculationTypesAreOfferedWithTheirCopiesButNotWithdrawnOnesNorOtherSites() {
        copy("FIC ALC", "Fiction");
        copy("FIC BAR", "Fiction");
        copy("R 031 WOR", "Reference", "REFERENCE");
        String weeded = copy("599.3 CAT", "Nonfiction");
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("reason", "WEEDED", "disposalMethod", "RECYCLED"))
                .post("/api/v1/copies/" + weeded + "/withdraw").then().statusCode(200);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "barcode", CatalogFixtures.uniqueBarcode()))
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);
        CatalogFixtures.copy(titleId, "LHS");

        given().auth().oauth2(staff).when().get("/api/v1/inventories/scopes?siteCode=" + site.toLowerCase())
                .then().statusCode(200).body("siteCode", equalTo(site))
                .body("shelfLocations.name", equalTo(List.of("Fiction", "Reference")))
                .body("shelfLocations.copies", equalTo(List.of(2, 1)))
                .body("copiesWithoutShelfLocation", equalTo(1))
                .body("circulationTypes.name", equalTo(List.of("REGULAR", "REFERENCE")))
                .body("circulationTypes.copies", equalTo(List.of(3, 1)));

        given().auth().oauth2(staff).when().get("/api/v1/inventories/scopes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteCode"));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/scopes?siteCode=LHS")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(staff).when().get("/api/v1/inventories/scopes?siteCode=NOPE")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteCode"));
    }

    @Test
    void fiveThousandScansInOnePostAreCountedOneByOne() throws Exception {
        String other = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        // 4,500 copies here and 500 at another school, written as a loader would (one statement each)
        List<String> here = load(site, site + "-S", 4500);
        List<String> there = load(other, other + "-S", 500);

        String id = start(Map.of("siteCode", site));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id)
                .then().statusCode(200).body("copiesInScope", equalTo(4500));
        List<String> batch = new ArrayList<>(here.subList(0, 4000));   // 4,000 shelved here
        batch.addAll(here.subList(0, 300));                                       // 300 scanned twice
        for (int i = 0; i < 200; i++) {
            batch.add(site + "-NONE-" + i);                                       // 200 the catalog does not know
        }
        batch.addAll(there);                                                      // 500 of another school
        assertEquals(5000, batch.size());
        Collections.shuffle(batch, new Random(5000));

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", batch))
                .post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(200).body("received", equalTo(5000)).body("newlyScanned", equalTo(4700))
                .body("unknownBarcodes", equalTo(200)).body("atOtherSites", equalTo(500));
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("copiesInScope", equalTo(4500)).body("scanned", equalTo(4700))
                .body("missing", equalTo(500)).body("found", equalTo(0)).body("misplaced", equalTo(500))
                .body("unknownBarcodes", equalTo(200)).body("copiesSkipped", equalTo(0))
                .body("copiesExpected", equalTo(4500));
        // the 500 missing a page at a time, in shelf order (then barcode): the pages add up to the whole list
        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(given().auth().oauth2(staff)
                    .get("/api/v1/inventories/" + id + "/report?kind=missing&size=200&page=" + page)
                    .then().statusCode(200).body("total", equalTo(500)).body("page", equalTo(page))
                    .extract().jsonPath().getList("copies.barcode", String.class));
        }
        assertEquals(here.subList(4000, 4500), pages);
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=unknown&size=5000")
                .then().statusCode(200).body("total", equalTo(200)).body("copies", hasSize(200))
                .body("copies[0].barcode", equalTo(site + "-NONE-0"));
        assertEquals("MISSING", status(here.get(4499)));
        assertEquals("AVAILABLE", status(here.get(0)));
    }

    /** {@code count} AVAILABLE copies of the test's title at {@code siteCode}, barcodes prefix + 00001...; answers them. */
    private List<String> load(String siteCode, String prefix, int count) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO copy (id, title_id, barcode,"
                     + " site_code, status, shelf_location) SELECT gen_random_uuid(), ?, ? || lpad(n::text, 5, '0'),"
                     + " ?, 'AVAILABLE', 'Stacks' FROM generate_series(1, ?) AS n")) {
            insert.setObject(1, UUID.fromString(titleId));
            insert.setString(2, prefix);
            insert.setString(3, siteCode);
            insert.setInt(4, count);
            assertEquals(count, insert.executeUpdate());
        }
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> prefix + String.format("%05d", n)).toList();
    }

    @Test
    void aSitesInventoriesComeNewestFirstAPageAtATimeWithTheirTotal() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(Map.of("siteCode", site)));
        }
        List<String> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(given().auth().oauth2(staff).get("/api/v1/inventories?siteCode=" + site + "&size=2&page=" + page)
                    .then().statusCode(200).header("X-Total-Count", "5").body("size()", equalTo(page < 2 ? 2 : 1))
                    .extract().<List<String>>path("id"));
        }
        assertEquals(newestFirst, pages);
        given().auth().oauth2(staff).get("/api/v1/inventories?siteCode=" + site + "&size=2&page=3")
                .then().statusCode(200).header("X-Total-Count", "5").body("size()", equalTo(0));
        // 100 by default: all five
        given().auth().oauth2(staff).get("/api/v1/inventories?siteCode=" + site)
                .then().statusCode(200).body("id", equalTo(newestFirst));
        for (String bad : List.of("page=-1", "page=100001", "size=0", "size=1001", "page=abc", "size=ten")) {
            String field = bad.substring(0, bad.indexOf('='));
            given().auth().oauth2(staff).get("/api/v1/inventories?siteCode=" + site + "&" + bad)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void onlyStaffOfTheSiteRunIt() {
        given().contentType(ContentType.JSON).body(Map.of("siteCode", site))
                .post("/api/v1/inventories").then().statusCode(401);
        given().auth().oauth2(TestTokens.student(site)).contentType(ContentType.JSON).body(Map.of("siteCode", site))
                .post("/api/v1/inventories").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site)).post("/api/v1/inventories").then().statusCode(403);
        String id = start(Map.of("siteCode", site));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of("X"))).post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(403);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of()))
                .post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(400).body("errors[0].field", equalTo("barcodes"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "callNumberFrom", "900", "callNumberTo", "100"))
                .post("/api/v1/inventories").then().statusCode(400).body("errors[0].field", equalTo("callNumberTo"));
        given().auth().oauth2(staff).when().get("/api/v1/inventories/" + id + "/report?kind=stolen")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void copiesAwayFromTheShelfForAReasonAreNotCheckedAndAScannedLoanIsListed() throws Exception {
        String onShelf = copy("599.1 AAA", "Nonfiction");
        String damaged = copy("599.2 BBB", "Nonfiction");
        String holdShelf = copy("599.3 CCC", "Nonfiction");
        String inTransit = copy("599.4 DDD", "Nonfiction");
        String inProcessing = copy("599.5 EEE", "Nonfiction");
        String onLoanScanned = copy("599.6 FFF", "Nonfiction");
        String onLoanAway = copy("599.7 GGG", "Nonfiction");
        patchStatus(damaged, "DAMAGED");
        patchStatus(inProcessing, "IN_PROCESSING");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("toSiteCode", "LHS")).post("/api/v1/copies/" + inTransit + "/send")
                .then().statusCode(200).body("status", equalTo("IN_TRANSIT"));
        // set aside for a patron, as circulation's HoldFilled leaves it
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE copy SET status = 'ON_HOLD_SHELF' WHERE barcode = ?")) {
            update.setString(1, holdShelf);
            assertEquals(1, update.executeUpdate());
        }
        checkOut(onLoanScanned);
        checkOut(onLoanAway);

        String id = start(Map.of("siteCode", site));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(onLoanScanned)))
                .post("/api/v1/inventories/" + id + "/scans").then().statusCode(200);
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("missing", equalTo(2)).body("notChecked", equalTo(3))
                .body("scannedOnLoan", equalTo(1)).body("misplaced", equalTo(0));
        // the event carries the counts the view has
        InventoryFinished finished = EventJson.payload(
                CatalogFixtures.awaitEvent(Topics.CATALOG_INVENTORIES, id, e -> true), InventoryFinished.class);
        assertEquals(2, finished.missing());
        assertEquals(3L, finished.notChecked());
        assertEquals(1L, finished.scannedOnLoan());
        assertEquals(0L, finished.unknownBarcodes());
        assertEquals(0L, finished.copiesSkipped());

        assertEquals("MISSING", status(onShelf));
        assertEquals("MISSING", status(damaged), "a damaged copy is still shelved");
        assertEquals("ON_HOLD_SHELF", status(holdShelf));
        assertEquals("IN_TRANSIT", status(inTransit));
        assertEquals("IN_PROCESSING", status(inProcessing));
        assertEquals("CHECKED_OUT", status(onLoanScanned), "staff check it in; the inventory does not");
        assertEquals("CHECKED_OUT", status(onLoanAway));

        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=not-checked")
                .then().statusCode(200).body("kind", equalTo("NOT_CHECKED")).body("total", equalTo(3))
                .body("copies.barcode", equalTo(List.of(holdShelf, inTransit, inProcessing)))
                .body("copies.status", equalTo(List.of("ON_HOLD_SHELF", "IN_TRANSIT", "IN_PROCESSING")));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=scanned-on-loan")
                .then().statusCode(200).body("copies.barcode", equalTo(List.of(onLoanScanned)))
                .body("copies[0].status", equalTo("CHECKED_OUT")).body("copies[0].kind", equalTo("SCANNED_ON_LOAN"));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=missing")
                .then().statusCode(200).body("copies.barcode", equalTo(List.of(onShelf, damaged)))
                .body("copies.status", equalTo(List.of("MISSING", "MISSING")));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report")
                .then().statusCode(200).body("total", equalTo(6))
                .body("perShelfLocation[0].shelfLocation", equalTo("Nonfiction"))
                .body("perShelfLocation[0].missing", equalTo(2)).body("perShelfLocation[0].notChecked", equalTo(3))
                .body("perShelfLocation[0].scannedOnLoan", equalTo(1));
    }

    @Test
    void aScannedLoanOfAnotherSiteOrOutOfScopeIsListedOnceAsOnLoanNotAlsoMisplaced() throws Exception {
        String onShelf = copy("599.1 AAA", "Nonfiction");
        String onLoanHere = copy("599.2 BBB", "Nonfiction");
        String onLoanOutOfScope = copy("FIC CCC", "Fiction");
        String fictionOnShelf = copy("FIC DDD", "Fiction");
        String elsewhere = CatalogFixtures.copy(titleId, "LHS");
        String onLoanElsewhere = CatalogFixtures.copy(titleId, "LHS");
        checkOut(onLoanHere);
        checkOut(onLoanOutOfScope);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE copy SET status = 'CHECKED_OUT' WHERE barcode = ?")) {
            update.setString(1, onLoanElsewhere);
            assertEquals(1, update.executeUpdate());
        }

        String id = start(Map.of("siteCode", site, "shelfLocation", "Nonfiction"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(onShelf, onLoanHere, onLoanOutOfScope, fictionOnShelf, elsewhere,
                        onLoanElsewhere)))
                .post("/api/v1/inventories/" + id + "/scans").then().statusCode(200);
        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("scanned", equalTo(6)).body("missing", equalTo(0))
                .body("misplaced", equalTo(2)).body("scannedOnLoan", equalTo(3));

        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=misplaced")
                .then().statusCode(200).body("copies.barcode", containsInAnyOrder(fictionOnShelf, elsewhere));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=scanned-on-loan")
                .then().statusCode(200)
                .body("copies.barcode", containsInAnyOrder(onLoanHere, onLoanOutOfScope, onLoanElsewhere));
        // the lines add up to the counts: every scanned copy once
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report")
                .then().statusCode(200).body("total", equalTo(5))
                .body("copies.barcode", containsInAnyOrder(onLoanHere, onLoanOutOfScope, onLoanElsewhere,
                        fictionOnShelf, elsewhere))
                .body("perShelfLocation.find { it.shelfLocation == 'Fiction' }.misplaced", equalTo(1))
                .body("perShelfLocation.find { it.shelfLocation == 'Fiction' }.scannedOnLoan", equalTo(1));
        assertEquals("CHECKED_OUT", status(onLoanOutOfScope), "staff check it in; the inventory does not");
    }

    @Test
    void barcodesTheCatalogDoesNotKnowAreKeptAndReported() {
        String onShelf = copy("599.1 WIL", "Nonfiction");
        String addedMeanwhile = CatalogFixtures.uniqueBarcode();
        String id = start(Map.of("siteCode", site));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(onShelf, "ZZ-3", "ZZ-1", addedMeanwhile, "ZZ-2", "ZZ-1")))
                .post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(200).body("unknownBarcodes", equalTo(4));
        // the copy is added before the inventory finishes: by then the catalog knows its barcode
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "barcode", addedMeanwhile, "callNumber", "599.2 NEW",
                        "shelfLocation", "Nonfiction"))
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);

        given().auth().oauth2(staff).when().post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(200).body("scanned", equalTo(5)).body("unknownBarcodes", equalTo(3))
                .body("missing", equalTo(0));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=unknown")
                .then().statusCode(200).body("total", equalTo(3))
                .body("copies.barcode", equalTo(List.of("ZZ-1", "ZZ-2", "ZZ-3")))
                .body("copies[0].copyId", nullValue()).body("copies[0].kind", equalTo("UNKNOWN"));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?kind=unknown&size=2&page=1")
                .then().statusCode(200).body("total", equalTo(3)).body("copies.barcode", equalTo(List.of("ZZ-3")));
        // unknown barcodes have no shelf: no line per shelf location for them
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report")
                .then().statusCode(200).body("total", equalTo(3)).body("perShelfLocation", hasSize(0));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?size=0")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report?page=-1")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/inventories/" + id + "/report?kind=unknown")
                .then().statusCode(403);
    }

    @Test
    void anInventoryStartedByMistakeIsCancelledAndNothingBecomesMissing() throws Exception {
        String scanned = copy("599.1 WIL", "Nonfiction");
        String notScanned = copy("599.2 WIL", "Nonfiction");
        String id = start(Map.of("siteCode", site, "callNumberFrom", "900", "callNumberTo", "999"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(scanned, "X-1")))
                .post("/api/v1/inventories/" + id + "/scans").then().statusCode(200);

        given().auth().oauth2(TestTokens.siteStaff("LHS")).post("/api/v1/inventories/" + id + "/cancel")
                .then().statusCode(403);
        given().auth().oauth2(staff).post("/api/v1/inventories/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("scanned", equalTo(2))
                .body("missing", equalTo(0)).body("cancelledAt", org.hamcrest.Matchers.notNullValue())
                .body("finishedAt", nullValue());
        assertEquals("AVAILABLE", status(notScanned));
        assertEquals("AVAILABLE", status(scanned));
        assertEquals(0, scansStored(id), "the scans of a cancelled inventory are dropped");

        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("barcodes", List.of(scanned)))
                .post("/api/v1/inventories/" + id + "/scans")
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("inventory-cancelled")).body("context.status", equalTo("CANCELLED"));
        given().auth().oauth2(staff).post("/api/v1/inventories/" + id + "/finish")
                .then().statusCode(409).body("code", equalTo("inventory-cancelled"));
        given().auth().oauth2(staff).post("/api/v1/inventories/" + id + "/cancel")
                .then().statusCode(409).body("code", equalTo("inventory-cancelled"));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("scanned", equalTo(2));
        given().auth().oauth2(staff).get("/api/v1/inventories/" + id + "/report")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("total", equalTo(0));

        String finished = start(Map.of("siteCode", site, "callNumberFrom", "900", "callNumberTo", "999"));
        given().auth().oauth2(staff).post("/api/v1/inventories/" + finished + "/finish").then().statusCode(200);
        given().auth().oauth2(staff).post("/api/v1/inventories/" + finished + "/cancel")
                .then().statusCode(409).body("code", equalTo("inventory-finished"))
                .body("context.status", equalTo("FINISHED"));
        given().auth().oauth2(staff).post("/api/v1/inventories/" + UUID.randomUUID() + "/cancel")
                .then().statusCode(404);
    }

    @Test
    void aBatchPostedWhileTheInventoryFinishesIsRefusedNotWrittenIntoIt() throws Exception {
        String copy = copy("599.1 WIL", "Nonfiction");
        String id = start(Map.of("siteCode", site));
        java.util.concurrent.CompletableFuture<io.restassured.response.ValidatableResponse> posting;
        try (Connection finishing = dataSource.getConnection(); Connection watch = dataSource.getConnection()) {
            finishing.setAutoCommit(false);
            // a finish holds the inventory's row while it works
            lockInventory(finishing, id, "FOR NO KEY UPDATE");
            posting = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(staff)
                    .contentType(ContentType.JSON).body(Map.of("barcodes", List.of(copy)))
                    .post("/api/v1/inventories/" + id + "/scans").then());
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnTheInventory(watch));
            try (PreparedStatement done = finishing.prepareStatement(
                    "UPDATE inventory SET status = 'FINISHED', finished_at = now(), version = version + 1"
                            + " WHERE id = ?")) {
                done.setObject(1, UUID.fromString(id));
                done.executeUpdate();
            }
            finishing.commit();
        }
        posting.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode(409)
                .body("code", equalTo("inventory-finished")).body("context.status", equalTo("FINISHED"));
        assertEquals(0, scansStored(id));
    }

    @Test
    void finishWaitsForTheBatchBeingWrittenAndCountsIt() throws Exception {
        String copy = copy("599.1 WIL", "Nonfiction");
        String id = start(Map.of("siteCode", site));
        java.util.concurrent.CompletableFuture<io.restassured.response.ValidatableResponse> finishing;
        try (Connection batch = dataSource.getConnection(); Connection watch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            // a batch of scans being written, as the service writes it: the inventory held shared, the scan inserted
            lockInventory(batch, id, "FOR SHARE");
            try (PreparedStatement insert = batch.prepareStatement("INSERT INTO inventory_scan (inventory_id,"
                    + " barcode, scanned_at) VALUES (?, ?, now())")) {
                insert.setObject(1, UUID.fromString(id));
                insert.setString(2, copy);
                insert.executeUpdate();
            }
            finishing = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(staff)
                    .post("/api/v1/inventories/" + id + "/finish").then());
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnTheInventory(watch));
            batch.commit();
        }
        finishing.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode(200)
                .body("scanned", equalTo(1)).body("missing", equalTo(0));
        assertEquals("AVAILABLE", status(copy));
    }

    private void lockInventory(Connection connection, String id, String lock) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM inventory WHERE id = ? " + lock)) {
            select.setObject(1, UUID.fromString(id));
            select.executeQuery().close();
        }
    }

    private static boolean waitingOnTheInventory(Connection watch) throws Exception {
        try (PreparedStatement query = watch.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND query ILIKE '%from inventory%'");
             java.sql.ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    private long scansStored(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM inventory_scan WHERE inventory_id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (java.sql.ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String start(Map<String, Object> body) {
        return given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/v1/inventories").then().statusCode(201).extract().path("id");
    }

    private String copy(String callNumber, String shelfLocation) {
        return copy(callNumber, shelfLocation, null);
    }

    private String copy(String callNumber, String shelfLocation, String circulationType) {
        String barcode = CatalogFixtures.uniqueBarcode();
        Map<String, Object> body = new HashMap<>(Map.of("siteCode", site, "barcode", barcode,
                "callNumber", callNumber, "shelfLocation", shelfLocation));
        if (circulationType != null) {
            body.put("circulationType", circulationType);
        }
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);
        return barcode;
    }

    private void patchStatus(String barcode, String status) {
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("status", status))
                .patch("/api/v1/copies/" + barcode).then().statusCode(200);
    }

    private void checkOut(String barcode) {
        UUID copyId = UUID.fromString(given().auth().oauth2(staff).get("/api/v1/copies/" + barcode)
                .then().extract().path("id"));
        LoanSnapshot loan = new LoanSnapshot(UUID.randomUUID(), copyId, barcode, UUID.fromString(titleId), site,
                "p-1", "STUDENT", "3", "BOOK", "REGULAR", null, Instant.now(), Instant.now(), 0);
        CatalogFixtures.send(Topics.CIRCULATION_LOANS, loan.loanId().toString(), EventJson.write(
                EventJson.envelope("circulation-service", site, loan.loanId().toString(),
                        new LoanCreated(loan, null))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CHECKED_OUT".equals(status(barcode)));
    }

    private String status(String barcode) {
        return given().auth().oauth2(staff).get("/api/v1/copies/" + barcode).then().statusCode(200)
                .extract().path("status");
    }
}
