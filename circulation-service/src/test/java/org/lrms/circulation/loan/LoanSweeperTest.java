package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LoanSweeperTest {

    @Inject
    LoanSweeper sweeper;

    @Inject
    AgroalDataSource db;

    @Test
    void anOverdueLoanIsAnnouncedOnceAndDeclaredLostAfterThePolicyDaysAndALateReturnRefundsTheLoss()
            throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("lostAfterDays", 30);
        rule.put("processingFee", "2.50");
        rule.put("finePerDay", "0.10");
        rule.put("maxFine", "1.00");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "8");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "18.95");
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                .extract().path("id");

        setDue(loanId, "now() - interval '3 days'");
        assertTrue(sweeper.sweep(Instant.now()).overdue() >= 1);
        setDue(loanId, "now() - interval '40 days'");
        assertTrue(sweeper.sweep(Instant.now()).lost() >= 1);
        sweeper.sweep(Instant.now());

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId,
                seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanOverdue", "LoanDeclaredLost"),
                events.stream().map(EventEnvelope::type).toList());
        given().auth().oauth2(token).when().get("/api/v1/copies/" + copy.barcode())
                .then().body("circulationState", equalTo("LOST"));
        given().auth().oauth2(token).queryParam("open", true).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(200).body("kind", hasItems("LOST", "PROCESSING"))
                .body("find { it.kind == 'LOST' }.amount", equalTo(18.95f));

        // the book turns up: the replacement cost is forgiven, the overdue fine (capped) and processing fee stay
        CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("AVAILABLE")).body("fine", equalTo(1.0f));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId)
                .then().body("feeBalance", equalTo(3.5f));
    }

    void setDue(String loanId, String expression) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = " + expression + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
    }
}
