package org.lrms.circulation.offline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OfflineCirculationTest {

    @Test
    void aBatchIsAppliedInTimeOrderWithAReportOfConflictsAndAReuploadLendsNothingTwice() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String anaId = Fixtures.newPatron(site, ana, "STUDENT", "9");
        Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS);
        Map<String, Object> batch = Map.of("siteCode", site, "transactions", List.of(
                // listed out of order: the check-in happened after the check-out
                Map.of("id", "2", "type", "CHECKIN", "at", t.plusSeconds(600).toString(),
                        "itemBarcode", copy.barcode()),
                Map.of("id", "1", "type", "CHECKOUT", "at", t.toString(), "patronBarcode", ana,
                        "itemBarcode", copy.barcode()),
                Map.of("id", "3", "type", "CHECKOUT", "at", t.plusSeconds(900).toString(), "patronBarcode", ben,
                        "itemBarcode", copy.barcode()),
                Map.of("id", "4", "type", "CHECKOUT", "at", t.plusSeconds(1000).toString(), "patronBarcode", ana,
                        "itemBarcode", copy.barcode()),
                Map.of("id", "5", "type", "CHECKOUT", "at", t.plusSeconds(1100).toString(), "patronBarcode", ana,
                        "itemBarcode", "NO-SUCH-ITEM")));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/offline-batches")
                .then().statusCode(200)
                .body("applied", equalTo(3)).body("conflicts", equalTo(2))
                .body("outcomes.id", equalTo(List.of("1", "2", "3", "4", "5")))
                .body("outcomes[3].code", equalTo("item-on-loan"))
                .body("outcomes[4].code", equalTo("unknown-item"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/patrons/" + anaId + "/loans")
                .then().body("", hasSize(0));

        // uploaded again: the check-outs answer as before, nothing is lent twice
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/offline-batches")
                .then().statusCode(200).body("outcomes[0].applied", equalTo(true))
                .body("outcomes[2].applied", equalTo(true));
    }

    @Test
    void aBatchIsForStaffOfTheSiteAndBadTransactionsAreRefused() {
        String site = Fixtures.newSite();
        Map<String, Object> bad = Map.of("siteCode", site, "transactions", List.of(
                Map.of("id", "1", "type", "LEND", "at", Instant.now().toString(), "itemBarcode", "X")));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/offline-batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("transactions[0].type"));
        Map<String, Object> ok = Map.of("siteCode", site, "transactions", List.of(
                Map.of("id", "1", "type", "CHECKIN", "at", "yesterday", "itemBarcode", "X")));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(ok)
                .when().post("/api/v1/offline-batches")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff("OTHER")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "transactions", List.of(Map.of("id", "1", "type", "CHECKIN",
                        "at", Instant.now().toString(), "itemBarcode", "X"))))
                .when().post("/api/v1/offline-batches").then().statusCode(403);
    }
}
