package org.lrms.circulation.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class SiteResourceTest {

    @Test
    void theDistrictSiteExistsFromTheFirstStart() {
        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/sites")
                .then().statusCode(200).body("code", hasItem("DISTRICT"));
    }

    @Test
    void districtAdminCreatesAndChangesASiteAndEachChangeIsPublished() {
        String code = Fixtures.unique("L").substring(0, 6);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code.toLowerCase(), "name", "Lincoln High School", "siteType", "HIGH"))
                .when().post("/api/v1/sites")
                .then().statusCode(201).body("code", equalTo(code)).body("siteType", equalTo("HIGH"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Lincoln High", "siteType", "HIGH"))
                .when().put("/api/v1/sites/" + code)
                .then().statusCode(200).body("name", equalTo("Lincoln High"));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_SITES, code, seen -> seen.size() >= 2);
        assertEquals("SiteUpserted", events.get(0).type());
        assertEquals(code, events.get(0).siteCode());
        assertEquals("Lincoln High", EventJson.payload(events.get(1), SiteUpserted.class).name());
    }

    @Test
    void onlyDistrictAdminsChangeSites() {
        Map<String, String> body = Map.of("code", "XYZ", "name", "X", "siteType", "HIGH");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/sites")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff("XYZ")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sites").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/XYZ").then().statusCode(404);
    }

    @Test
    void badSiteIsA400NamingTheFieldAndNothingIsCreated() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", "BAD1", "name", "Bad", "siteType", "CASTLE"))
                .when().post("/api/v1/sites")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("siteType"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/BAD1").then().statusCode(404);
    }

    /** Reporting reads a site code only when it begins with a letter or digit: circulation takes no other. */
    @Test
    void aSiteCodeBeginningWithAnUnderscoreOrAHyphenIsA400AndNothingIsCreated() {
        for (String code : List.of("_LHS", "-X")) {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", "Lincoln High School", "siteType", "HIGH"))
                    .when().post("/api/v1/sites")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("code"))
                    .body("errors[0].message", containsString("beginning with a letter or digit"));
            assertEquals(0, Fixtures.count("SELECT count(*) FROM site WHERE upper(code) = upper(?)", code));
        }
        // a '-' or '_' further on is a site code as before
        String code = "L_" + Fixtures.unique("").substring(0, 4) + "-H";
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Lincoln High School", "siteType", "HIGH"))
                .when().post("/api/v1/sites").then().statusCode(201).body("code", equalTo(code));
    }

    @Test
    void aSiteCodeIsCreatedOnce() {
        String code = Fixtures.newSite();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Again", "siteType", "HIGH"))
                .when().post("/api/v1/sites")
                .then().statusCode(409).body("code", equalTo("site-exists"));
        assertFalse(given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/" + code)
                .then().extract().path("name").equals("Again"));
    }
}
