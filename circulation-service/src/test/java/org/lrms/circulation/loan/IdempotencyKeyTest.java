package org.lrms.circulation.loan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An Idempotency-Key stands for one request: a retry replays its answer, another request under it is refused. */
@QuarkusTest
class IdempotencyKeyTest {

    private static Response post(String token, String path, String body, String key) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(path);
    }

    private static String checkOutBody(String site, String patron, String item) {
        return "{\"siteCode\":\"" + site + "\",\"patronBarcode\":\"" + patron + "\",\"itemBarcode\":\"" + item + "\"}";
    }

    @Test
    void aKeyReusedForAnotherItemIsRefusedAndLendsNothingWhileTheSameRequestReplays() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot first = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();

        String loanId = post(token, "/api/v1/checkouts", checkOutBody(site, patron, first.barcode()), key)
                .then().statusCode(201).extract().path("id");
        // the same request, its fields in another order and spaced otherwise: a retry, answered again
        String reordered = "{ \"itemBarcode\": \"" + first.barcode() + "\", \"siteCode\": \"" + site
                + "\", \"patronBarcode\": \"" + patron + "\" }";
        post(token, "/api/v1/checkouts", reordered, key).then().statusCode(201).body("id", equalTo(loanId));

        post(token, "/api/v1/checkouts", checkOutBody(site, patron, second.barcode()), key)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency-key-reused"))
                .body("detail", containsString("different request"));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/loans")
                .then().statusCode(200).body("", hasSize(1)).body("[0].itemBarcode", equalTo(first.barcode()));
        given().auth().oauth2(token).when().get("/api/v1/copies/" + second.barcode())
                .then().body("circulationState", equalTo("AVAILABLE"));
    }

    @Test
    void aKeyReusedForAnotherAmountIsRefusedAndTakesNoMoney() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "5.00", "note", "torn cover"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201);
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/patrons/" + patronId + "/payments";

        post(token, path, "{\"amount\":\"1.00\",\"method\":\"CASH\",\"siteCode\":\"" + site + "\"}", key).then().statusCode(201);
        post(token, path, "{\"amount\":\"2.00\",\"method\":\"CASH\",\"siteCode\":\"" + site + "\"}", key)
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        post(token, path, "{\"amount\":\"1.00\",\"method\":\"CASH\",\"siteCode\":\"" + site + "\"}", key).then().statusCode(201);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee_transaction t JOIN fee f ON f.id = t.fee_id "
                + "WHERE f.patron_id = ? AND t.kind = 'PAYMENT'", UUID.fromString(patronId)));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().body("feeBalance", equalTo(4.0f));
    }

    @Test
    void anAnswerKeptBeforeFingerprintsReplaysAsItDid() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot first = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String token = TestTokens.siteStaff(site);
        String key = UUID.randomUUID().toString();
        String loanId = post(token, "/api/v1/checkouts", checkOutBody(site, patron, first.barcode()), key)
                .then().statusCode(201).extract().path("id");
        Fixtures.update("UPDATE idempotent_request SET request_fingerprint = NULL WHERE request_key LIKE ?",
                "%|" + key);
        post(token, "/api/v1/checkouts", checkOutBody(site, patron, second.barcode()), key)
                .then().statusCode(201).body("id", equalTo(loanId));
    }
}
