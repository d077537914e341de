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
import org.lrms.circulation.loan.LoanSweeper.Sweep;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
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

    @Test
    void anOverdueLoanGoesThroughTheNoticeStagesOnceEachAndTheBlockingStageBlocksUntilItIsReturned()
            throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("lostAfterDays", 90);
        rule.put("overdueNotices", List.of(Map.of("afterDays", 2), Map.of("afterDays", 10, "blocks", false),
                Map.of("afterDays", 20, "blocks", true)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201).body("overdueNotices[2].afterDays", equalTo(20))
                .body("overdueNotices[2].blocks", equalTo(true));
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "8");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot third = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        io.restassured.path.json.JsonPath lent = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null)
                .then().statusCode(201).extract().jsonPath();
        String loanId = lent.getString("id");
        Instant due = Instant.parse(lent.getString("dueDate"));

        sweeper.sweep(due.plus(Duration.ofDays(1)));
        assertEquals(List.of(), stages(loanId), "not yet at the first stage's 2 days");
        sweeper.sweep(due.plus(Duration.ofDays(3)));
        sweeper.sweep(due.plus(Duration.ofDays(3)).plus(Duration.ofHours(6)));
        assertEquals(List.of(1), stages(loanId), "a second sweep the same day sends nothing more");
        sweeper.sweep(due.plus(Duration.ofDays(11)));
        assertEquals(List.of(1, 2), stages(loanId));
        // stage 2 does not block
        CheckoutTest.checkOut(token, site, patron, second.barcode(), null).then().statusCode(201);
        CheckoutTest.checkIn(site, second.barcode()).then().statusCode(200);
        Sweep last = sweeper.sweep(due.plus(Duration.ofDays(21)));
        assertTrue(last.advanced() >= 1);
        sweeper.sweep(due.plus(Duration.ofDays(21)));
        assertEquals(List.of(1, 2, 3), stages(loanId));

        given().auth().oauth2(token).queryParam("site", site).when().get("/api/v1/notices")
                .then().statusCode(200).body("findAll { it.kind == 'OVERDUE' }.stage", hasItems(1, 2, 3))
                .body("find { it.stage == 3 }.subject", equalTo("Último aviso de libro atrasado"))
                .body("find { it.stage == 3 }.body", org.hamcrest.Matchers.containsString("no podrás sacar"))
                .body("find { it.stage == 2 }.subject", equalTo("Segundo aviso de libro atrasado"));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId,
                seen -> seen.size() >= 2);
        assertEquals(List.of("LoanCreated", "LoanOverdue"), events.stream().map(EventEnvelope::type).toList(),
                "LoanOverdue once, at the first stage");

        // the third stage blocks: refused, overridable, audited
        CheckoutTest.checkOut(token, site, patron, second.barcode(), null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("overdue-block"))
                .body("context.overridable", equalTo(true));
        Fixtures.supervisor(site);
        String overridden = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "patronBarcode", patron, "itemBarcode", second.barcode(),
                        "overrideReason", "parent promised to bring the book back"))
                .when().post("/api/v1/checkouts").then().statusCode(201).extract().path("id");
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ? "
                + "AND refusal = 'overdue-block'", UUID.fromString(overridden)));

        // a loan at a blocking stage is not renewed: it has to come back
        given().auth().oauth2(token).when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(409).body("code", equalTo("overdue-block"));

        // returning the overdue book ends the block
        CheckoutTest.checkIn(site, copy.barcode()).then().statusCode(200);
        CheckoutTest.checkOut(token, site, patron, third.barcode(), null).then().statusCode(201);
    }

    List<Integer> stages(String loanId) throws Exception {
        List<Integer> stages = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT stage FROM notice WHERE loan_id = ? AND kind = 'OVERDUE' ORDER BY stage")) {
            s.setObject(1, UUID.fromString(loanId));
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stages.add(r.getInt(1));
                }
            }
        }
        return stages;
    }

    void setDue(String loanId, String expression) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = " + expression + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
    }
}
