package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A check-out reads the policy matrix and the closed days from memory (DeskRules) under the version of the desk
 * rules it read with the patron: a change by any writer (SQL by hand, as another instance of the service would, or
 * the API) reaches the next check-out at once.
 */
@QuarkusTest
class DeskRulesCheckoutTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Inject
    AgroalDataSource db;

    record Desk(String site, String patronBarcode, CopySnapshot first, CopySnapshot second) {
    }

    private Desk desk() {
        String site = Fixtures.newSite();
        String patronBarcode = Fixtures.unique("P");
        Fixtures.newPatron(site, patronBarcode, "STUDENT", "9");
        return new Desk(site, patronBarcode,
                Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null),
                Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null));
    }

    private static LocalDate dueDay(Desk d, CopySnapshot copy) {
        String due = CheckoutTest.checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode, copy.barcode(), null)
                .then().statusCode(201).extract().path("dueDate");
        return Instant.parse(due).atZone(LA).toLocalDate();
    }

    private static String sitePolicy(String site, int days) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Fixtures.policyRule(site, null, null, days)).when().post("/api/v1/policies")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aPolicyChangedInSqlByAnotherWriterChangesTheNextCheckOutsDueDate() {
        Desk d = desk();
        sitePolicy(d.site, 7);
        LocalDate today = LocalDate.now(LA);
        assertEquals(today.plusDays(7), dueDay(d, d.first)); // the site's rules are now in memory
        Fixtures.update("UPDATE circulation_policy SET loan_days = 10 WHERE site_code = ?", d.site);
        assertEquals(today.plusDays(10), dueDay(d, d.second));
    }

    @Test
    void aClosedDayInsertedInSqlMovesTheNextCheckOutsDueDateOffIt() {
        Desk d = desk();
        LocalDate today = LocalDate.now(LA);
        assertEquals(today.plusDays(14), dueDay(d, d.first)); // the district default; closed days now in memory
        assertEquals(1, Fixtures.update("INSERT INTO closed_day (site_code, day, reason) VALUES (?, ?, 'flooded')",
                d.site, today.plusDays(14)));
        assertEquals(today.plusDays(15), dueDay(d, d.second));
    }

    @Test
    void aPolicyChangedThroughTheApiReachesTheNextCheckOut() {
        Desk d = desk();
        String id = sitePolicy(d.site, 7);
        LocalDate today = LocalDate.now(LA);
        assertEquals(today.plusDays(7), dueDay(d, d.first));
        given().auth().oauth2(TestTokens.siteStaff(d.site)).contentType(ContentType.JSON)
                .body(Fixtures.policyRule(d.site, null, null, 12))
                .when().put("/api/v1/policies/" + id).then().statusCode(200);
        assertEquals(today.plusDays(12), dueDay(d, d.second));
    }

    @Test
    void aClosedDayAddedThroughTheApiMovesTheNextCheckOutsDueDateOffIt() {
        Desk d = desk();
        LocalDate today = LocalDate.now(LA);
        assertEquals(today.plusDays(14), dueDay(d, d.first));
        given().auth().oauth2(TestTokens.siteStaff(d.site))
                .when().put("/api/v1/sites/" + d.site + "/closed-days/" + today.plusDays(14)).then().statusCode(204);
        assertEquals(today.plusDays(15), dueDay(d, d.second));
    }

    @Test
    void aFixedDatePolicyIsKeptTooAndItsClosedDayAndItsPassingReachTheNextCheckOut() {
        Desk d = desk();
        CopySnapshot third = Fixtures.addCopy(d.site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        LocalDate today = LocalDate.now(LA);
        LocalDate endOfTerm = today.plusDays(40);
        Map<String, Object> rule = Fixtures.policyRule(d.site, null, null, 1);
        rule.remove("loanDays");
        rule.put("fixedDueDate", endOfTerm.toString());
        given().auth().oauth2(TestTokens.siteStaff(d.site)).contentType(ContentType.JSON).body(rule)
                .when().post("/api/v1/policies").then().statusCode(201);
        assertEquals(endOfTerm, dueDay(d, d.first));
        given().auth().oauth2(TestTokens.siteStaff(d.site))
                .when().put("/api/v1/sites/" + d.site + "/closed-days/" + endOfTerm).then().statusCode(204);
        assertEquals(endOfTerm.plusDays(1), dueDay(d, d.second));
        Fixtures.update("UPDATE circulation_policy SET fixed_due_date = current_date - 2 WHERE site_code = ?",
                d.site);
        CheckoutTest.checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode, third.barcode(), null)
                .then().statusCode(409).body("code", equalTo("policy-date-passed"));
    }

    @Test
    void everyWriteToThePoliciesOrTheClosedDaysBumpsTheVersionInItsTransaction() throws SQLException {
        String site = Fixtures.newSite();
        String policy = sitePolicy(site, 7);
        long before = version();
        Fixtures.update("UPDATE circulation_policy SET loan_days = 9 WHERE site_code = ?", site);
        long updated = version();
        assertNotEquals(before, updated);
        Fixtures.update("INSERT INTO closed_day (site_code, day) VALUES (?, DATE '2031-01-02')", site);
        long inserted = version();
        assertNotEquals(updated, inserted);
        Fixtures.update("DELETE FROM closed_day WHERE site_code = ?", site);
        long deleted = version();
        assertNotEquals(inserted, deleted);
        Fixtures.update("DELETE FROM circulation_policy WHERE id = ?", UUID.fromString(policy));
        assertNotEquals(deleted, version());

        // TRUNCATE too, seen inside its transaction (rolled back: the tables are shared by every test)
        for (String table : new String[] {"closed_day", "circulation_policy"}) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                long committed = version(c);
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE " + table);
                }
                assertNotEquals(committed, version(c), table);
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static long version() {
        return Fixtures.count("SELECT version FROM desk_rules_version WHERE id = ?", 1);
    }

    private static long version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version FROM desk_rules_version")) {
            r.next();
            return r.getLong(1);
        }
    }
}
