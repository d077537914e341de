package org.lrms.circulation.patron;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class PatronResourceTest {

    @Test
    void siteStaffCreatesAPatronFindsItByBarcodeAndTheEventIsPublished() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        String id = given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Fixtures.patronJson(site, barcode, "student", "9"))
                .when().post("/api/v1/patrons")
                .then().statusCode(201)
                .body("patronType", equalTo("STUDENT"))
                .body("status", equalTo("ACTIVE"))
                .body("language", equalTo("es"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("barcode", barcode)
                .when().get("/api/v1/patrons")
                .then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(id));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/patrons/" + id)
                .then().statusCode(200).body("grade", equalTo("9"));

        EventEnvelope event = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, id, seen -> !seen.isEmpty()).get(0);
        PatronCreated created = EventJson.payload(event, PatronCreated.class);
        assertEquals("PatronCreated", event.type());
        assertEquals(site, created.patron().homeSite());
        assertNotEquals(id, created.patron().patronKey());
        assertEquals(32, created.patron().patronKey().length());
    }

    @Test
    void staffOfAnotherSiteNeitherSeesNorChangesThePatron() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        String id = Fixtures.newPatron(site, barcode, "STUDENT", "10");

        given().auth().oauth2(TestTokens.siteStaff(other)).when().get("/api/v1/patrons/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(other)).queryParam("barcode", barcode)
                .when().get("/api/v1/patrons").then().statusCode(200).body("", empty());
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON)
                .body(Fixtures.patronJson(site, barcode, "STUDENT", "11"))
                .when().put("/api/v1/patrons/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(other)).contentType(ContentType.JSON)
                .body(Fixtures.patronJson(site, Fixtures.unique("P"), "STUDENT", "11"))
                .when().post("/api/v1/patrons").then().statusCode(403);
        given().auth().oauth2(TestTokens.teacher(site)).when().get("/api/v1/patrons/" + id).then().statusCode(403);
        given().when().get("/api/v1/patrons/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + id)
                .then().statusCode(200).body("grade", equalTo("10"));
    }

    @Test
    void graduatingAPatronPublishesADeactivation() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        String id = Fixtures.newPatron(site, barcode, "STUDENT", "12");
        Map<String, Object> body = Fixtures.patronJson(site, barcode, "STUDENT", "12");
        body.put("status", "GRADUATED");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/patrons/" + id).then().statusCode(200).body("status", equalTo("GRADUATED"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_PATRONS, id, seen -> seen.size() >= 2);
        assertEquals("PatronDeactivated", events.get(1).type());
        assertEquals("GRADUATED", EventJson.payload(events.get(1), PatronDeactivated.class).patron().status());
    }

    @Test
    void badPatronIsA400NamingTheFieldAndNothingIsCreated() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        Map<String, Object> body = Fixtures.patronJson(site, barcode, "WIZARD", "9");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/patrons")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patronType"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.patronJson("NOPE", barcode, "STUDENT", "9"))
                .when().post("/api/v1/patrons")
                .then().statusCode(400).body("errors[0].field", equalTo("homeSite"));
        given().auth().oauth2(TestTokens.districtAdmin()).queryParam("barcode", barcode)
                .when().get("/api/v1/patrons").then().statusCode(200).body("", empty());
    }

    @Test
    void aBarcodeBelongsToOnePatron() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("P");
        Fixtures.newPatron(site, barcode, "STUDENT", "9");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Fixtures.patronJson(site, barcode, "TEACHER", null))
                .when().post("/api/v1/patrons")
                .then().statusCode(409).body("code", equalTo("barcode-in-use"));
    }

    @Test
    void aManualBlockCarriesItsNote() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("note", "see the librarian"))
                .when().put("/api/v1/patrons/" + id + "/block")
                .then().statusCode(200).body("blocked", equalTo(true)).body("blockNote", equalTo("see the librarian"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().delete("/api/v1/patrons/" + id + "/block")
                .then().statusCode(200).body("blocked", equalTo(false));
    }
}
