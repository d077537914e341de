package org.lrms.circulation.hold;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Title-level holds at the desk: a copy on the shelf that waiting holds need is not lent to someone else. */
@QuarkusTest
class TitleLevelHoldDeskTest {

    static Response checkOut(String site, String patron, String item, String overrideReason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("siteCode", site, "patronBarcode", patron,
                "itemBarcode", item));
        if (overrideReason != null) {
            body.put("overrideReason", overrideReason);
        }
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/checkouts");
    }

    @Test
    void aCopyOnTheShelfIsNotLentAwayFromAWaitingTitleHoldUnlessOverridden() throws Exception {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        HoldTest.placeHold(TestTokens.siteStaff(site), ben, copy.titleId(), site);

        checkOut(site, ana, copy.barcode(), null).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("on-hold-for-another")).body("context.overridable", equalTo(true));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", copy.copyId()));

        // only a supervisor overrides: a technician without the permission is told which one it takes
        checkOut(site, ana, copy.barcode(), "teacher needs it for class today").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("permission-required"))
                .body("context.permission", equalTo("override-refusal"))
                .body("context.refusals", equalTo("on-hold-for-another"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", copy.copyId()));
        Fixtures.supervisor(site);
        String loanId = checkOut(site, ana, copy.barcode(), "teacher needs it for class today").then()
                .statusCode(201).extract().path("id");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ? "
                + "AND refusal = 'on-hold-for-another' AND reason = 'teacher needs it for class today'",
                UUID.fromString(loanId)));
    }

    @Test
    void aSecondCopyOnTheShelfMayGoOutWhileOneStaysForTheHold() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String cleo = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        Fixtures.newPatron(site, cleo, "STUDENT", "9");
        UUID title = UUID.randomUUID();
        CopySnapshot first = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null);
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), title, "BOOK", null);
        HoldTest.placeHold(TestTokens.siteStaff(site), ben, title, site);
        // a hold for pickup at another school does not keep this school's copies
        String other = Fixtures.newSite();
        String dana = Fixtures.unique("P");
        Fixtures.newPatron(other, dana, "STUDENT", "9");
        HoldTest.placeHold(TestTokens.siteStaff(other), dana, title, other);

        checkOut(site, ana, first.barcode(), null).then().statusCode(201);
        checkOut(site, cleo, second.barcode(), null).then().statusCode(409)
                .body("code", equalTo("on-hold-for-another"));
    }

    @Test
    void theHolderCheckingOutACopyFillsTheirOwnHold() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String benHold = HoldTest.placeHold(TestTokens.siteStaff(site), ben, copy.titleId(), site);
        // ana's hold comes after ben's: it does not stop ben
        HoldTest.placeHold(TestTokens.siteStaff(site), ana, copy.titleId(), site);

        checkOut(site, ben, copy.barcode(), null).then().statusCode(201);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/holds/" + benHold)
                .then().statusCode(200).body("status", equalTo("FILLED"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_HOLDS, benHold,
                seen -> seen.size() >= 2);
        assertEquals(List.of("HoldPlaced", "HoldFilled"), events.stream().map(EventEnvelope::type).toList());
    }

    @Test
    void aRenewalRefusedForAWaitingHoldIsRenewedAnywayWithAReasonAndAudited() throws Exception {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = checkOut(site, ana, copy.barcode(), null).then().statusCode(201).extract().path("id");
        HoldTest.placeHold(TestTokens.siteStaff(site), ben, copy.titleId(), site);
        String token = TestTokens.siteStaff(site);

        given().auth().oauth2(token).when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(409).body("code", equalTo("on-hold-for-another"))
                .body("context.overridable", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("overrideReason", "x"))
                .when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, Fixtures.count("SELECT renewals FROM loan WHERE id = ?", UUID.fromString(loanId)));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("overrideReason", "research paper due Friday"))
                .when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(403).body("code", equalTo("permission-required"))
                .body("context.permission", equalTo("override-refusal"));
        assertEquals(0, Fixtures.count("SELECT renewals FROM loan WHERE id = ?", UUID.fromString(loanId)));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ?",
                UUID.fromString(loanId)));

        Fixtures.supervisor(site);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("overrideReason", "research paper due Friday"))
                .when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(200).body("renewals", equalTo(1));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ? "
                + "AND refusal = 'on-hold-for-another' AND reason = 'research paper due Friday' "
                + "AND overridden_by = 'tech." + site.toLowerCase() + "'", UUID.fromString(loanId)));
    }

    @Test
    void renewAllRenewsTheLoansNobodyWaitsForAndNamesTheOthers() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String anaId = Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot free = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot titleWaited = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        UUID shared = UUID.randomUUID();
        CopySnapshot copyWaited = Fixtures.addCopy(site, Fixtures.unique("C"), shared, "BOOK", null);
        CopySnapshot sibling = Fixtures.addCopy(site, Fixtures.unique("C"), shared, "BOOK", null);
        for (CopySnapshot c : List.of(free, titleWaited, copyWaited, sibling)) {
            checkOut(site, ana, c.barcode(), null).then().statusCode(201);
        }
        String token = TestTokens.siteStaff(site);
        HoldTest.placeHold(token, ben, titleWaited.titleId(), site);
        // ben waits for that very copy: its sibling of the same title is free to renew
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", ben, "itemBarcode", copyWaited.barcode(), "pickupSite", site))
                .when().post("/api/v1/holds").then().statusCode(201);

        io.restassured.path.json.JsonPath results = given().auth().oauth2(token)
                .when().post("/api/v1/patrons/" + anaId + "/loans/renewals").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Boolean> renewed = new java.util.HashMap<>();
        Map<String, String> refusal = new java.util.HashMap<>();
        List<Map<String, Object>> rows = results.getList("$");
        for (Map<String, Object> r : rows) {
            renewed.put((String) r.get("itemBarcode"), (Boolean) r.get("renewed"));
            refusal.put((String) r.get("itemBarcode"), (String) r.get("refusal"));
        }
        assertEquals(Map.of(free.barcode(), true, titleWaited.barcode(), false, copyWaited.barcode(), false,
                sibling.barcode(), true), renewed);
        assertEquals("on-hold-for-another", refusal.get(titleWaited.barcode()));
        assertEquals("on-hold-for-another", refusal.get(copyWaited.barcode()));
    }
}
