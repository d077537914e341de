package org.lrms.circulation.loan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A renewal refuses a patron who owes fees above the limit, as a check-out does (not overridable there). */
@QuarkusTest
class RenewalFeesTest {

    @Test
    void aPatronOwingFeesAboveTheLimitCannotRenewUntilTheyPay() {
        String home = Fixtures.newSite();
        String desk = Fixtures.newSite();
        String patronBarcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(home, patronBarcode, "STUDENT", "9");
        CopySnapshot atHome = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        CopySnapshot atDesk = Fixtures.addCopy(desk, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String homeStaff = TestTokens.siteStaff(home);
        String deskStaff = TestTokens.siteStaff(desk);
        String homeLoan = CheckoutTest.checkOut(homeStaff, home, patronBarcode, atHome.barcode(), null)
                .then().statusCode(201).extract().path("id");
        String deskLoan = CheckoutTest.checkOut(deskStaff, desk, patronBarcode, atDesk.barcode(), null)
                .then().statusCode(201).extract().path("id");
        // the default limit is 10.00: 10.01 is above it
        given().auth().oauth2(homeStaff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", home, "kind", "DAMAGED", "amount", "10.01"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201);

        given().auth().oauth2(homeStaff).when().post("/api/v1/loans/" + homeLoan + "/renewal")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("fees-owed"))
                .body("context.overridable", equalTo(false))
                .body("detail", equalTo("the patron owes 10.01, above the limit of 10.00"));
        // an override reason overrides a hold only, not what the patron owes
        given().auth().oauth2(homeStaff).contentType(ContentType.JSON).body(Map.of("overrideReason", "exam week"))
                .when().post("/api/v1/loans/" + homeLoan + "/renewal")
                .then().statusCode(409).body("code", equalTo("fees-owed"));
        // at the other school's desk: the same refusal, without the amount
        given().auth().oauth2(deskStaff).when().post("/api/v1/loans/" + deskLoan + "/renewal")
                .then().statusCode(409).body("code", equalTo("fees-owed"))
                .body("detail", containsString("ask their school library"))
                .body("detail", not(containsString("10.01")));
        given().auth().oauth2(homeStaff).when().post("/api/v1/patrons/" + patronId + "/loans/renewals")
                .then().statusCode(200).body("renewed", equalTo(java.util.List.of(false, false)))
                .body("refusal", equalTo(java.util.List.of("fees-owed", "fees-owed")));
        assertEquals(0, Fixtures.count("SELECT coalesce(sum(renewals), 0) FROM loan WHERE patron_id = ?",
                UUID.fromString(patronId)));

        // paid down to the limit: renewals go through
        given().auth().oauth2(homeStaff).contentType(ContentType.JSON).body(Map.of("amount", "0.01", "method", "CASH", "siteCode", home))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        given().auth().oauth2(homeStaff).when().post("/api/v1/loans/" + homeLoan + "/renewal")
                .then().statusCode(200).body("renewals", equalTo(1));
        given().auth().oauth2(deskStaff).when().post("/api/v1/loans/" + deskLoan + "/renewal")
                .then().statusCode(200).body("renewals", equalTo(1));
    }
}
