package org.lrms.catalog.copy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.testkit.TestTokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class WeedingLogTest {

    String site;
    String other;
    String staff;
    String titleId;

    @BeforeEach
    void twoSitesAndATitle() {
        site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        other = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        staff = TestTokens.siteStaff(site);
        titleId = CatalogFixtures.title("Weeded title");
    }

    @Test
    void totalsPerReasonPerDisposalMethodAndOverallForTheFilterInUse() {
        List<String> newestFirst = new ArrayList<>();
        newestFirst.add(0, withdraw(site, 12.50, "WEEDED", "RECYCLED"));
        newestFirst.add(0, withdraw(site, 7.25, "WEEDED", "DONATED"));
        newestFirst.add(0, withdraw(site, null, "WEEDED", "DONATED"));
        newestFirst.add(0, withdraw(site, 20.00, "DAMAGED", "DISCARDED"));
        withdraw(other, 99.00, "WEEDED", "SOLD");

        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?siteCode=" + site)
                .then().statusCode(200).body("siteCode", equalTo(site)).body("reason", nullValue())
                .body("copies", equalTo(4)).body("totalPrice", equalTo(39.75f)).body("copiesWithoutPrice", equalTo(1))
                .body("byReason.code", equalTo(List.of("DAMAGED", "WEEDED")))
                .body("byReason.label", equalTo(List.of("Damaged beyond repair", "Weeded")))
                .body("byReason.copies", equalTo(List.of(1, 3)))
                .body("byReason.totalPrice", equalTo(List.of(20.0f, 19.75f)))
                .body("byReason.copiesWithoutPrice", equalTo(List.of(0, 1)))
                .body("byDisposalMethod.code", equalTo(List.of("DISCARDED", "DONATED", "RECYCLED")))
                .body("byDisposalMethod.copies", equalTo(List.of(1, 2, 1)))
                .body("byDisposalMethod.totalPrice", equalTo(List.of(20.0f, 7.25f, 12.5f)))
                .body("bySite.code", equalTo(List.of(site)));

        // narrowed to one reason, the totals follow, and so do the entries
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?siteCode=" + site + "&reason=weeded")
                .then().statusCode(200).body("reason", equalTo("WEEDED")).body("copies", equalTo(3))
                .body("totalPrice", equalTo(19.75f)).body("byReason.code", equalTo(List.of("WEEDED")))
                .body("byDisposalMethod.code", equalTo(List.of("DONATED", "RECYCLED")));
        given().auth().oauth2(staff).get("/api/v1/weeding-log?siteCode=" + site + "&disposalMethod=DONATED")
                .then().statusCode(200).body("barcode", equalTo(newestFirst.subList(1, 3)));
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?siteCode=" + site + "&from="
                        + Instant.now().plusSeconds(60))
                .then().statusCode(200).body("copies", equalTo(0)).body("totalPrice", equalTo(0))
                .body("byReason", hasSize(0));

        // staff of both sites, without a site: both, site by site
        given().auth().oauth2(TestTokens.siteStaff(site, other)).get("/api/v1/weeding-log/totals")
                .then().statusCode(200).body("bySite.find { it.code == '" + site + "' }.copies", equalTo(4))
                .body("bySite.find { it.code == '" + other + "' }.totalPrice", equalTo(99.0f));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/weeding-log/totals?siteCode=" + other)
                .then().statusCode(200).body("copies", equalTo(1)).body("totalPrice", equalTo(99.0f));
    }

    @Test
    void entriesComeAPageAtATimeNewestFirst() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, withdraw(site, 1.0, "WEEDED", "RECYCLED"));
        }
        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(given().auth().oauth2(staff)
                    .get("/api/v1/weeding-log?siteCode=" + site + "&size=2&page=" + page)
                    .then().statusCode(200).body("size()", equalTo(page < 2 ? 2 : 1))
                    .extract().jsonPath().getList("barcode", String.class));
        }
        assertEquals(newestFirst, pages);
        given().auth().oauth2(staff).get("/api/v1/weeding-log?siteCode=" + site + "&size=2&page=3")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void onlyTheCallersSitesAndBadInputIsA400NamingIt() {
        withdraw(site, 5.0, "WEEDED", "RECYCLED");
        withdraw(other, 5.0, "WEEDED", "RECYCLED");

        given().get("/api/v1/weeding-log/totals").then().statusCode(401);
        given().auth().oauth2(TestTokens.student(site)).get("/api/v1/weeding-log/totals").then().statusCode(403);
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?siteCode=" + other)
                .then().statusCode(403).contentType("application/problem+json");
        // without a site: the caller's sites only
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals")
                .then().statusCode(200).body("bySite.code", equalTo(List.of(site)));
        given().auth().oauth2(TestTokens.token("nobody", java.util.Set.of("site-staff"), List.of()))
                .get("/api/v1/weeding-log/totals").then().statusCode(200).body("copies", equalTo(0));

        given().auth().oauth2(staff).get("/api/v1/weeding-log?size=0")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(staff).get("/api/v1/weeding-log?size=1001")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(staff).get("/api/v1/weeding-log?page=-1")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?from=2026-06-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(staff).get("/api/v1/weeding-log/totals?from=2026-06-01")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    /** A copy at the site with this price, withdrawn; answers its barcode. */
    private String withdraw(String siteCode, Double price, String reason, String disposal) {
        String barcode = CatalogFixtures.uniqueBarcode();
        Map<String, Object> body = new HashMap<>(Map.of("siteCode", siteCode, "barcode", barcode));
        if (price != null) {
            body.put("price", price);
        }
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "disposalMethod", disposal))
                .post("/api/v1/copies/" + barcode + "/withdraw").then().statusCode(200);
        return barcode;
    }
}
