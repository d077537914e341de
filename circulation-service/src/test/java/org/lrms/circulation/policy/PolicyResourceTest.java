package org.lrms.circulation.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PolicyResourceTest {

    static Map<String, Object> rule(String site, String patronType, String circulationType, int days) {
        return Fixtures.policyRule(site, patronType, circulationType, days);
    }

    @Test
    void aFreshSiteUsesTheDistrictDefault() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site))
                .queryParam("site", site).queryParam("patronType", "STUDENT").queryParam("circulationType", "BOOK")
                .when().get("/api/v1/policies/resolve")
                .then().statusCode(200)
                .body("siteCode", nullValue()).body("patronType", nullValue()).body("loanDays", equalTo(14));
    }

    @Test
    void theMostSpecificRuleOfASiteWins() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(rule(site, null, null, 21)).when().post("/api/v1/policies").then().statusCode(201);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(rule(site, "TEACHER", "BOOK", 42)).when().post("/api/v1/policies").then().statusCode(201);

        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("site", site)
                .queryParam("patronType", "STUDENT").queryParam("circulationType", "BOOK")
                .when().get("/api/v1/policies/resolve").then().statusCode(200).body("loanDays", equalTo(21));
        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("site", site)
                .queryParam("patronType", "TEACHER").queryParam("circulationType", "BOOK")
                .when().get("/api/v1/policies/resolve").then().statusCode(200).body("loanDays", equalTo(42))
                .body("finePerDay", equalTo(0.10f));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/policies")
                .then().statusCode(200).body("loanDays", hasItem(42));
    }

    @Test
    void negativeDaysAreRefusedNamingTheFieldAndNothingIsSaved() {
        String site = Fixtures.newSite();
        Map<String, Object> bad = rule(site, "STUDENT", null, -3);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("loanDays"));
        bad = rule(site, "STUDENT", null, 3);
        bad.put("finePerDay", "-1");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/policies")
                .then().statusCode(400).body("errors[0].field", equalTo("finePerDay"));
        bad = rule(site, "STUDENT", null, 3);
        bad.put("fixedDueDate", "2027-13-45");
        bad.remove("loanDays");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/policies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("fixedDueDate"));
        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("site", site).queryParam("patronType", "STUDENT")
                .when().get("/api/v1/policies/resolve").then().statusCode(200).body("siteCode", nullValue());
    }

    @Test
    void overdueNoticeStagesArePolicyDataWithDistrictDefaultsEditableAndValidated() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        given().auth().oauth2(token).queryParam("site", site).queryParam("patronType", "STUDENT")
                .when().get("/api/v1/policies/resolve").then().statusCode(200)
                .body("overdueNotices.afterDays", contains(1, 14, 28))
                .body("overdueNotices.blocks", contains(false, false, true));

        Map<String, Object> body = rule(site, "STUDENT", null, 14);
        body.put("overdueNotices", List.of(Map.of("afterDays", 3), Map.of("afterDays", 10, "blocks", true)));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/policies").then().statusCode(201)
                .body("overdueNotices.afterDays", contains(3, 10)).extract().path("id");
        // a change that leaves the stages out keeps them
        Map<String, Object> longer = rule(site, "STUDENT", null, 21);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(longer)
                .when().put("/api/v1/policies/" + id).then().statusCode(200)
                .body("loanDays", equalTo(21)).body("overdueNotices.afterDays", contains(3, 10))
                .body("overdueNotices.blocks", contains(false, true));

        Map<String, Object> decreasing = rule(site, "STUDENT", null, 21);
        decreasing.put("overdueNotices", List.of(Map.of("afterDays", 5), Map.of("afterDays", 4)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decreasing)
                .when().put("/api/v1/policies/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("overdueNotices[1].afterDays"));
        Map<String, Object> negative = rule(site, "TEACHER", null, 21);
        negative.put("overdueNotices", List.of(Map.of("afterDays", -1)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(negative)
                .when().post("/api/v1/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("overdueNotices[0].afterDays"));
        Map<String, Object> four = rule(site, "TEACHER", null, 21);
        four.put("overdueNotices", List.of(Map.of("afterDays", 1), Map.of("afterDays", 2), Map.of("afterDays", 3),
                Map.of("afterDays", 4)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(four)
                .when().post("/api/v1/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("overdueNotices"));
        Map<String, Object> noDays = rule(site, "TEACHER", null, 21);
        noDays.put("overdueNotices", List.of(Map.of("blocks", true)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(noDays)
                .when().post("/api/v1/policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.containsString("afterDays"));

        given().auth().oauth2(token).queryParam("site", site).queryParam("patronType", "STUDENT")
                .when().get("/api/v1/policies/resolve").then().statusCode(200)
                .body("loanDays", equalTo(21)).body("overdueNotices.afterDays", contains(3, 10));
        given().auth().oauth2(token).queryParam("site", site).queryParam("patronType", "TEACHER")
                .when().get("/api/v1/policies/resolve").then().statusCode(200).body("siteCode", nullValue());
    }

    @Test
    void siteStaffCannotChangeDistrictRulesNorOtherSitesRules() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(rule(null, "GUARDIAN", null, 7)).when().post("/api/v1/policies").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(rule(other, null, null, 7)).when().post("/api/v1/policies").then().statusCode(403);
        given().auth().oauth2(TestTokens.student(site)).when().get("/api/v1/policies").then().statusCode(403);
        given().when().get("/api/v1/policies").then().statusCode(401);
    }

    @Test
    void theDistrictDefaultCannotBeDeleted() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().delete("/api/v1/policies/00000000-0000-0000-0000-000000000001")
                .then().statusCode(409).body("code", equalTo("district-default"));
    }

    @Test
    void closedDaysAreKeptPerSite() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("reason", "staff development")
                .when().put("/api/v1/sites/" + site + "/closed-days/2031-03-14").then().statusCode(204);
        given().auth().oauth2(TestTokens.siteStaff(site)).queryParam("from", "2031-03-01").queryParam("to", "2031-03-31")
                .when().get("/api/v1/sites/" + site + "/closed-days")
                .then().statusCode(200).body("day", hasItem("2031-03-14"));
        given().auth().oauth2(TestTokens.siteStaff(site))
                .when().put("/api/v1/sites/" + site + "/closed-days/2031-02-30")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("day"));
        given().auth().oauth2(TestTokens.siteStaff(site))
                .when().put("/api/v1/sites/DISTRICT/closed-days/2031-03-15").then().statusCode(403);
    }
}
