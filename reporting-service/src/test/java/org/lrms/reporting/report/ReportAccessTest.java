package org.lrms.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.site;

/** Who may read which report, and how bad parameters are refused (the same rules hold for every report). */
@QuarkusTest
class ReportAccessTest {

    static final List<String> REPORTS = List.of("/api/v1/reports/collection", "/api/v1/reports/circulation",
            "/api/v1/reports/fees", "/api/v1/reports/acquisitions", "/api/v1/reports/inventories",
            "/api/v1/reports/textbooks");
    static final String LHS = newSite();
    static final String RMS = newSite();

    private static boolean announced;

    @BeforeEach
    void sites() {
        if (announced) {
            return;
        }
        announced = true;
        site(LHS);
        site(RMS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/collection?site=" + LHS + "," + RMS).then().statusCode(200));
    }

    @Test
    void anonymousCallerGets401() {
        for (String report : REPORTS) {
            given().when().get(report).then().statusCode(401).contentType("application/problem+json");
        }
        given().when().get("/api/v1/reports/freshness").then().statusCode(401);
    }

    @Test
    void teachersAndStudentsGet403() {
        for (String report : REPORTS) {
            given().auth().oauth2(TestTokens.teacher(LHS)).when().get(report + "?site=" + LHS)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.student(LHS)).when().get(report)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void siteStaffReadTheirSiteAndNotAnother() {
        String staff = TestTokens.siteStaff(LHS);
        for (String report : REPORTS) {
            given().auth().oauth2(staff).when().get(report + "?site=" + LHS)
                    .then().statusCode(200).body("scope", equalTo(LHS));
            given().auth().oauth2(staff).when().get(report + "?site=" + RMS)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString(RMS));
            given().auth().oauth2(staff).when().get(report + "?site=" + LHS + "," + RMS)
                    .then().statusCode(403);
            // without a site, site staff get their own sites, never the district
            given().auth().oauth2(staff).when().get(report)
                    .then().statusCode(200).body("scope", equalTo(LHS));
        }
    }

    @Test
    void districtAdminAndIntegrationReadAnySiteAndTheDistrict() {
        for (String token : List.of(TestTokens.districtAdmin(), TestTokens.integration())) {
            for (String report : REPORTS) {
                given().auth().oauth2(token).when().get(report).then().statusCode(200)
                        .body("scope", equalTo("DISTRICT"));
                given().auth().oauth2(token).when().get(report + "?site=" + LHS.toLowerCase() + " , " + RMS)
                        .then().statusCode(200).body("scope", equalTo(LHS + "," + RMS));
            }
        }
    }

    @Test
    void staffWithoutSitesGet403WithoutASiteParameter() {
        given().auth().oauth2(TestTokens.token("tech.nobody", Set.of("site-staff"), List.of()))
                .when().get("/api/v1/reports/collection").then().statusCode(403);
    }

    @Test
    void unknownSiteIsA400NamingTheSiteField() {
        for (String report : REPORTS) {
            given().auth().oauth2(TestTokens.districtAdmin()).when().get(report + "?site=NOSUCHSITE")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("unknown-site"))
                    .body("errors[0].field", equalTo("site"))
                    .body("detail", containsString("NOSUCHSITE"));
        }
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/reports/collection?site=L'HS;--")
                .then().statusCode(400).body("errors[0].field", equalTo("site"));
    }

    @Test
    void reversedDatesAreA400NamingTheToField() {
        for (String report : REPORTS) {
            given().auth().oauth2(TestTokens.districtAdmin())
                    .when().get(report + "?from=2027-06-30&to=2026-08-01")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("to"));
        }
    }

    @Test
    void rangesBeyondTheLimitAndMalformedDatesAreRefused() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/circulation?from=2000-01-01&to=2026-06-30")
                .then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("detail", containsString("731"));
        // open-ended: from a long time ago until today
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/circulation?from=2000-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/circulation?from=last-tuesday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void unknownFormatIsA400NamingTheFormatField() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/collection?format=docx")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
    }
}
