package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A closed loan that loses its patron link says so on circulation.loans.v1 (LoanAnonymized), in the same commit. */
@QuarkusTest
class LoanPrivacyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    LoanPrivacy privacy;

    @Test
    void aReturnWithNothingOwedAnonymizesTheLoanAndAnnouncesIt() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "7");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"),
                events.stream().map(EventEnvelope::type).toList());
        LoanAnonymized anonymized = EventJson.payload(events.get(2), LoanAnonymized.class);
        assertEquals(UUID.fromString(loanId), anonymized.loanId());
        assertEquals(site, anonymized.siteCode());
        assertEquals(EventJson.payload(events.get(0), LoanCreated.class).loan().patronKey(), anonymized.patronKey());
        assertEquals(List.of("null", site), storedKeyAndSite(loanId),
                "the stored loan keeps no pseudonymous key either (the service holds the key's secret)");
    }

    private List<String> storedKeyAndSite(String loanId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT patron_key, site_code FROM loan WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            try (var rs = s.executeQuery()) {
                rs.next();
                return List.of(String.valueOf(rs.getString(1)), rs.getString(2));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFinedReturnIsAnonymizedOnlyWhenTheFineIsPaid() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("finePerDay", "1.00");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = now() - interval '2 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
        CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(patronId));
        assertEquals(1L, noticesOf(loanId), "the fine notice names the loan while the fine is open");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"amount\": 2.00, \"method\": \"CASH\"}")
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(0L, noticesOf(loanId), "once anonymized, no notice leads from the patron to the loan");
    }

    private long noticesOf(String loanId) throws java.sql.SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM notice WHERE loan_id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aDistrictThatKeepsClosedLoansHasThemAnonymizedOnceItsPeriodIsOver() {
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": 30}")
                .when().put("/api/v1/privacy-policy").then().statusCode(200)
                .body("keepClosedLoansDays", equalTo(30)).body("updatedBy", notNullValue());
        try {
            String site = Fixtures.newSite();
            String token = TestTokens.siteStaff(site);
            String patron = Fixtures.unique("P");
            String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
            CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
            String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                    .extract().path("id");
            CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200);
            given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then()
                    .body("patronId", equalTo(patronId));

            Instant now = Instant.now();
            privacy.anonymizeKeptLoans(now.plus(Duration.ofDays(29)));
            given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then()
                    .body("patronId", equalTo(patronId));

            privacy.anonymizeKeptLoans(now.plus(Duration.ofDays(31)));
            given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
            assertEquals(List.of("null", site), storedKeyAndSite(loanId));
            List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId,
                    seen -> seen.size() >= 3);
            assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"),
                    events.stream().map(EventEnvelope::type).toList());
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": 0}")
                    .when().put("/api/v1/privacy-policy").then().statusCode(200);
        }
    }

    @Test
    void aPrivacyPolicyOutOfRangeOrFromSiteStaffIsRefusedAndChangesNothing() {
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": -1}")
                .when().put("/api/v1/privacy-policy").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("keepClosedLoansDays"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": 4000}")
                .when().put("/api/v1/privacy-policy").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/privacy-policy").then().statusCode(400).contentType("application/problem+json");
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body("{\"keepClosedLoansDays\": 30}").when().put("/api/v1/privacy-policy").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/privacy-policy").then()
                .statusCode(200).body("keepClosedLoansDays", equalTo(0));
    }
}
