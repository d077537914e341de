package org.lrms.circulation.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventJson;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hold pull list: copies on a site's shelves that waiting holds take, and the scan that sets them aside. */
@QuarkusTest
class HoldPullListTest {

    /** A copy as the catalog publishes it, with its call number and shelf location; waits for the replica. */
    static CopySnapshot shelved(String site, UUID title, String titleName, String callNumber, String location) {
        String barcode = Fixtures.unique("C");
        CopySnapshot snapshot = new CopySnapshot(UUID.randomUUID(), barcode, title, titleName, "An Author", site,
                "AVAILABLE", "BOOK", "BOOK", "813", callNumber, location, new BigDecimal("12.00"),
                LocalDate.of(2021, 5, 1), "district", "GOOD", List.of(), 2001, callNumber);
        Fixtures.send(EventJson.envelope("catalog-service", site, snapshot.copyId().toString(),
                new CopyAdded(snapshot)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/copies/" + barcode).statusCode() == 200);
        return snapshot;
    }

    static String copyHold(String token, String patron, String barcode, String pickup) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", patron, "itemBarcode", barcode, "pickupSite", pickup))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }

    static String patron(String site) {
        String barcode = Fixtures.unique("P");
        Fixtures.newPatron(site, barcode, "STUDENT", "7");
        return barcode;
    }

    static JsonPath pullList(String token, String site) {
        return given().auth().oauth2(token).queryParam("siteCode", site).when().get("/api/v1/holds/pull-list")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void aSitesPullListNamesItsShelfCopiesForWaitingHoldsInShelfOrderAndTheScanSetsThemAside() {
        String lhs = Fixtures.newSite();
        String rms = Fixtures.newSite();
        String ges = Fixtures.newSite();
        String lhsToken = TestTokens.siteStaff(lhs);
        String rmsToken = TestTokens.siteStaff(rms);
        String gesToken = TestTokens.siteStaff(ges);

        // Holes: two copies at LHS; a hold for pickup at LHS, then one at GES, which has no copy (inter-school)
        UUID holes = UUID.randomUUID();
        CopySnapshot holesB = shelved(lhs, holes, "Holes", "FIC SAC", "Fiction");
        CopySnapshot holesA = shelved(lhs, holes, "Holes", "FIC ABC", "Fiction");
        String holesHere = HoldTest.placeHold(lhsToken, patron(lhs), holes, lhs);
        String holesGes = HoldTest.placeHold(gesToken, patron(ges), holes, ges);
        // a biography wanted as that very copy
        UUID lincoln = UUID.randomUUID();
        CopySnapshot bio = shelved(lhs, lincoln, "Lincoln", "B LIN", "Biography");
        String bioHold = copyHold(lhsToken, patron(lhs), bio.barcode(), lhs);
        // Wonder: one copy at LHS, one at RMS; RMS's older hold is filled from RMS's shelf, LHS's from LHS's
        UUID wonder = UUID.randomUUID();
        CopySnapshot wonderLhs = shelved(lhs, wonder, "Wonder", "FIC PAL", "Fiction");
        CopySnapshot wonderRms = shelved(rms, wonder, "Wonder", "FIC PAL", "Fiction");
        String wonderAtRms = HoldTest.placeHold(rmsToken, patron(rms), wonder, rms);
        String wonderAtLhs = HoldTest.placeHold(lhsToken, patron(lhs), wonder, lhs);
        // a copy on loan is not on the shelf; a copy nobody waits for is not listed
        UUID lent = UUID.randomUUID();
        CopySnapshot onLoan = shelved(lhs, lent, "Lent", "FIC AAA", "Fiction");
        HoldTest.checkOut(lhs, patron(lhs), onLoan.barcode()).then().statusCode(201);
        HoldTest.placeHold(lhsToken, patron(lhs), lent, lhs);
        shelved(lhs, UUID.randomUUID(), "Nobody Waits", "FIC AAB", "Fiction");

        JsonPath list = pullList(lhsToken, lhs);
        assertEquals(List.of(bio.barcode(), holesA.barcode(), wonderLhs.barcode(), holesB.barcode()),
                list.getList("itemBarcode"), "shelf order: location, then call number");
        assertEquals(List.of(bioHold, holesHere, wonderAtLhs, holesGes), list.getList("holdId"));
        assertEquals(List.of(1, 1, 2, 2), list.getList("queuePosition"));
        assertEquals(List.of(lhs, lhs, lhs, ges), list.getList("pickupSite"));
        assertEquals(List.of("Lincoln", "Holes", "Wonder", "Holes"), list.getList("title"));
        assertEquals(List.of("B LIN", "FIC ABC", "FIC PAL", "FIC SAC"), list.getList("callNumber"));
        assertEquals(List.of("Biography", "Fiction", "Fiction", "Fiction"), list.getList("shelfLocation"));
        assertEquals(List.of(true, false, false, false), list.getList("copyHold"));
        assertEquals(List.of(0, 0, 0, 0), list.getList("holdAgeDays"));
        assertEquals(4, list.getList("placedAt").stream().filter(java.util.Objects::nonNull).count());

        JsonPath atRms = pullList(rmsToken, rms);
        assertEquals(List.of(wonderRms.barcode()), atRms.getList("itemBarcode"));
        assertEquals(List.of(wonderAtRms), atRms.getList("holdId"));
        given().auth().oauth2(gesToken).queryParam("siteCode", ges).when().get("/api/v1/holds/pull-list")
                .then().statusCode(200).body("$", emptyIterable());

        // printable too
        byte[] pdf = given().auth().oauth2(lhsToken).accept("application/pdf").queryParam("siteCode", lhs)
                .when().get("/api/v1/holds/pull-list").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));

        // staff pull the copies and scan them at the desk: each goes where the list said
        HoldTest.checkIn(lhs, wonderLhs.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(wonderAtLhs));
        HoldTest.checkIn(lhs, bio.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(bioHold));
        HoldTest.checkIn(lhs, holesA.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(holesHere));
        HoldTest.checkIn(lhs, holesB.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("IN_TRANSIT")).body("routeTo", equalTo(ges))
                .body("holdId", equalTo(holesGes));
        given().auth().oauth2(lhsToken).queryParam("siteCode", lhs).when().get("/api/v1/holds/pull-list")
                .then().statusCode(200).body("$", emptyIterable());
        // RMS's own copy still waits to be pulled for RMS's hold
        assertEquals(List.of(wonderAtRms), pullList(rmsToken, rms).getList("holdId"));
    }

    @Test
    void thePullListIsForTheSitesStaffAndNeedsAKnownSite() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(other)).queryParam("siteCode", site)
                .when().get("/api/v1/holds/pull-list").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.student(site)).queryParam("siteCode", site)
                .when().get("/api/v1/holds/pull-list").then().statusCode(403);
        given().queryParam("siteCode", site).when().get("/api/v1/holds/pull-list").then().statusCode(401);
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("siteCode", "NOPE9")
                .when().get("/api/v1/holds/pull-list").then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("site NOPE9"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/holds/pull-list")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteCode"));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("siteCode", site.toLowerCase())
                .when().get("/api/v1/holds/pull-list").then().statusCode(200).body("$", emptyIterable());
    }
}
