package org.lrms.circulation.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.circulation.CopyArrived;
import org.lrms.events.circulation.HoldReturnedToQueue;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HoldTest {

    @Inject
    HoldQueue queue;

    @Inject
    AgroalDataSource db;

    static Response checkOut(String site, String patron, String item) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "patronBarcode", patron, "itemBarcode", item))
                .when().post("/api/v1/checkouts");
    }

    static Response checkIn(String site, String item) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "itemBarcode", item)).when().post("/api/v1/checkins");
    }

    static String placeHold(String token, String patron, UUID titleId, String pickup) {
        Map<String, Object> body = new HashMap<>(Map.of("patronBarcode", patron, "pickupSite", pickup));
        body.put("titleId", titleId.toString());
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/holds").then().statusCode(201).body("status", equalTo("WAITING"))
                .extract().path("id");
    }

    @Test
    void aReturnedCopyGoesToTheHoldShelfForTheNextPatronOnly() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        checkOut(site, ana, copy.barcode()).then().statusCode(201);
        String holdId = placeHold(TestTokens.siteStaff(site), ben, copy.titleId(), site);

        checkIn(site, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(holdId));
        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("site", site).when().get("/api/v1/holds")
                .then().statusCode(200).body("id", hasItem(holdId)).body("[0].shelfExpiresOn", notNullValue());
        checkOut(site, ana, copy.barcode()).then().statusCode(409).body("code", equalTo("on-hold-for-another"));
        checkOut(site, ben, copy.barcode()).then().statusCode(201);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/holds/" + holdId)
                .then().body("status", equalTo("FILLED"));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_HOLDS, holdId, seen -> seen.size() >= 2);
        assertEquals(List.of("HoldPlaced", "HoldFilled"), events.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aCopySetAsideForAnotherPatronAndLentAnywaySendsTheirHoldBackToTheHeadOfTheQueue() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String cleo = Fixtures.unique("P");
        String dan = Fixtures.unique("P");
        for (String patron : List.of(ana, ben, cleo, dan)) {
            Fixtures.newPatron(site, patron, "STUDENT", "9");
        }
        UUID title = UUID.randomUUID();
        CopySnapshot first = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null);
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null);
        checkOut(site, ana, first.barcode()).then().statusCode(201);
        checkOut(site, ana, second.barcode()).then().statusCode(201);
        String benHold = placeHold(token, ben, title, site);
        String cleoHold = placeHold(token, cleo, title, site);
        checkIn(site, first.barcode()).then().statusCode(200).body("holdId", equalTo(benHold));
        // Ben is to be told the copy waits for him
        assertEquals(1, Fixtures.count("SELECT count(*) FROM notice WHERE hold_id = ? AND kind = 'HOLD_AVAILABLE' "
                + "AND printed_at IS NULL AND emailed_at IS NULL", UUID.fromString(benHold)));

        // a supervisor lends Ben's copy to Dan
        Fixtures.supervisor(site);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("siteCode", site, "patronBarcode", dan,
                        "itemBarcode", first.barcode(), "overrideReason", "needed for class today"))
                .when().post("/api/v1/checkouts").then().statusCode(201);
        given().auth().oauth2(token).when().get("/api/v1/holds/" + benHold).then().statusCode(200)
                .body("status", equalTo("WAITING")).body("assignedCopyId", nullValue())
                .body("shelfExpiresOn", nullValue());
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_HOLDS, benHold, seen -> seen.size() >= 3);
        assertEquals(List.of("HoldPlaced", "HoldFilled", "HoldReturnedToQueue"),
                events.stream().map(EventEnvelope::type).toList());
        HoldReturnedToQueue back = EventJson.payload(events.get(2), HoldReturnedToQueue.class);
        assertEquals("WAITING", back.hold().status());
        assertEquals(null, back.hold().shelfExpiresOn());
        assertEquals(first.barcode(), back.itemBarcode());
        // no copy waits for Ben any more: his hold-available notice, not yet sent, is withdrawn
        assertEquals(0, Fixtures.count("SELECT count(*) FROM notice WHERE hold_id = ?", UUID.fromString(benHold)));
        given().auth().oauth2(token).queryParam("site", site).queryParam("pending", true)
                .when().get("/api/v1/notices").then().statusCode(200)
                .body("findAll { it.kind == 'HOLD_AVAILABLE' }", hasSize(0));

        // Dan's copy back is no longer kept for a hold that moved on: it goes to Ben, still ahead of Cleo
        checkIn(site, first.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(benHold));
        // and now Ben is told again, once
        assertEquals(1, Fixtures.count("SELECT count(*) FROM notice WHERE hold_id = ? AND kind = 'HOLD_AVAILABLE'",
                UUID.fromString(benHold)));
        checkOut(site, ben, first.barcode()).then().statusCode(201);
        checkIn(site, second.barcode()).then().statusCode(200).body("holdId", equalTo(cleoHold));
        checkOut(site, cleo, second.barcode()).then().statusCode(201);
    }

    @Test
    void aHoldIsFilledFromAnotherSchoolInTransitBothWays() {
        String home = Fixtures.newSite();
        String pickup = Fixtures.newSite();
        String reader = Fixtures.unique("P");
        String borrower = Fixtures.unique("P");
        Fixtures.newPatron(pickup, reader, "STUDENT", "7");
        Fixtures.newPatron(home, borrower, "STUDENT", "7");
        CopySnapshot copy = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        checkOut(home, borrower, copy.barcode()).then().statusCode(201);
        placeHold(TestTokens.siteStaff(pickup), reader, copy.titleId(), pickup);

        checkIn(home, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("IN_TRANSIT")).body("routeTo", equalTo(pickup));
        checkOut(home, borrower, copy.barcode()).then().statusCode(409).body("code", equalTo("item-not-available"));
        checkIn(pickup, copy.barcode()).then().statusCode(200).body("nextCopyStatus", equalTo("ON_HOLD_SHELF"));
        checkOut(pickup, reader, copy.barcode()).then().statusCode(201);
        checkIn(pickup, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("IN_TRANSIT")).body("routeTo", equalTo(home));
        checkIn(home, copy.barcode()).then().statusCode(200).body("nextCopyStatus", equalTo("AVAILABLE"));

        // the end of the transit home is announced (the catalog would otherwise show the copy in transit)
        List<EventEnvelope> arrivals = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, copy.copyId().toString(),
                seen -> !seen.isEmpty());
        CopyArrived arrived = EventJson.payload(arrivals.get(0), CopyArrived.class);
        assertEquals("AVAILABLE", arrived.nextCopyStatus());
        assertEquals(home, arrived.arrivedAtSite());
        assertEquals(copy.barcode(), arrived.itemBarcode());
        assertEquals(1, arrivals.size(), "arriving at the pickup site for the hold was told by HoldFilled, not here");
    }

    @Test
    void aCopyInTransitForAHoldGoesToThatHoldThoughAnotherWaitsAheadAtThePickupSite() {
        String home = Fixtures.newSite();
        String pickup = Fixtures.newSite();
        String reader = Fixtures.unique("P");
        String urgent = Fixtures.unique("P");
        String borrower = Fixtures.unique("P");
        Fixtures.newPatron(pickup, reader, "STUDENT", "7");
        Fixtures.newPatron(pickup, urgent, "STUDENT", "7");
        Fixtures.newPatron(home, borrower, "STUDENT", "7");
        CopySnapshot copy = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        checkOut(home, borrower, copy.barcode()).then().statusCode(201);
        String readerHold = placeHold(TestTokens.siteStaff(pickup), reader, copy.titleId(), pickup);
        checkIn(home, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("IN_TRANSIT")).body("holdId", equalTo(readerHold));
        // placed while the copy travels, and ranked ahead of any other waiting hold: the copy is not its
        String urgentHold = given().auth().oauth2(TestTokens.siteStaff(pickup)).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", urgent, "titleId", copy.titleId().toString(), "pickupSite", pickup,
                        "priority", 9))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");

        checkIn(pickup, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(readerHold));
        given().auth().oauth2(TestTokens.siteStaff(pickup)).when().get("/api/v1/holds/" + urgentHold)
                .then().statusCode(200).body("status", equalTo("WAITING"));
        checkOut(pickup, reader, copy.barcode()).then().statusCode(201);
        // returned at the pickup site, the copy now goes to the hold still waiting there
        checkIn(pickup, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(urgentHold));
    }

    @Test
    void aHoldNotPickedUpInTimeExpiresAndTheCopyGoesBackToTheShelf() throws Exception {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "TEACHER", null);
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String holdId = placeHold(TestTokens.siteStaff(site), patron, copy.titleId(), site);
        // the copy was on the shelf: scanning it at the desk sets it aside
        checkIn(site, copy.barcode()).then().statusCode(200).body("nextCopyStatus", equalTo("ON_HOLD_SHELF"));
        // two days back: the database's current_date is UTC's, the expiry's today the district's (a day behind UTC
        // from 16:00 Los Angeles time), so one day back expired nothing between midnight and 08:00 UTC
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE hold SET shelf_expires_on = current_date - 2 WHERE id = ?")) {
            s.setObject(1, UUID.fromString(holdId));
            s.executeUpdate();
        }
        assertTrue(queue.expireShelf() >= 1);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/holds/" + holdId)
                .then().body("status", equalTo("EXPIRED"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/copies/" + copy.barcode())
                .then().body("circulationState", equalTo("AVAILABLE"));
    }

    @Test
    void twoHoldsExpiringTogetherGiveTheirCopiesToTheWaitingHoldOnce() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        List<String> patrons = List.of(Fixtures.unique("P"), Fixtures.unique("P"), Fixtures.unique("P"));
        for (String p : patrons) {
            Fixtures.newPatron(site, p, "STUDENT", "6");
        }
        UUID title = UUID.randomUUID();
        List<CopySnapshot> copies = List.of(Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null),
                Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null));
        List<String> expiring = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            expiring.add(placeHold(token, patrons.get(i), title, site));
            checkIn(site, copies.get(i).barcode()).then().statusCode(200).body("holdId", equalTo(expiring.get(i)));
        }
        // waiting for pickup at another school: a copy set aside for it leaves in transit, and no notice (no other
        // statement) writes the hold's change before the next copy is routed
        String waiting = placeHold(TestTokens.districtAdmin(), patrons.get(2), title, Fixtures.newSite());
        for (String hold : expiring) {
            Fixtures.update("UPDATE hold SET shelf_expires_on = current_date - 2 WHERE id = ?", UUID.fromString(hold));
        }

        assertTrue(queue.expireShelf() >= 2);
        // the first copy released goes to the waiting hold; the second finds no hold left (the first one's change is
        // written before the second looks) and goes back to the shelf
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/holds/" + waiting).then()
                .body("status", equalTo("IN_TRANSIT"));
        List<String> states = copies.stream().map(c -> (String) Fixtures.row(
                "SELECT circulation_state FROM copy WHERE id = ?", c.copyId()).get("circulation_state"))
                .sorted().toList();
        assertEquals(List.of("AVAILABLE", "IN_TRANSIT"), states);
    }

    @Test
    void aHoldCancelledOnTheShelfFreesItsCopyForTheNextPatron() {
        String site = Fixtures.newSite();
        String holder = Fixtures.unique("P");
        String next = Fixtures.unique("P");
        String walkIn = Fixtures.unique("P");
        for (String p : List.of(holder, next, walkIn)) {
            Fixtures.newPatron(site, p, "STUDENT", "6");
        }
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String first = placeHold(TestTokens.siteStaff(site), holder, copy.titleId(), site);
        checkIn(site, copy.barcode()).then().statusCode(200).body("holdId", equalTo(first));
        String second = placeHold(TestTokens.siteStaff(site), next, copy.titleId(), site);

        given().auth().oauth2(TestTokens.siteStaff(site)).when().delete("/api/v1/holds/" + first)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/holds/" + second)
                .then().body("status", equalTo("ON_SHELF"));
        checkOut(site, walkIn, copy.barcode()).then().statusCode(409).body("code", equalTo("on-hold-for-another"));

        given().auth().oauth2(TestTokens.siteStaff(site)).when().delete("/api/v1/holds/" + second)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/copies/" + copy.barcode())
                .then().body("circulationState", equalTo("AVAILABLE"));
        checkOut(site, walkIn, copy.barcode()).then().statusCode(201);
    }

    @Test
    void holdsAreForStaffAndNeedATitleOrAnItem() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        Map<String, Object> noTarget = Map.of("patronBarcode", patron, "pickupSite", site);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(noTarget)
                .when().post("/api/v1/holds").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("titleId"));
        given().auth().oauth2(TestTokens.student(site)).contentType(ContentType.JSON).body(noTarget)
                .when().post("/api/v1/holds").then().statusCode(403);
        given().contentType(ContentType.JSON).body(noTarget).when().post("/api/v1/holds").then().statusCode(401);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", patron, "pickupSite", site, "titleId", UUID.randomUUID().toString()))
                .when().post("/api/v1/holds").then().statusCode(422).body("code", equalTo("no-copies"));
    }

    @Test
    void aPatronCancelsAHold() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String holdId = placeHold(TestTokens.siteStaff(site), patron, copy.titleId(), site);
        given().auth().oauth2(TestTokens.siteStaff(Fixtures.newSite())).when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().delete("/api/v1/holds/" + holdId)
                .then().statusCode(409).body("code", equalTo("hold-closed"));
    }
}
