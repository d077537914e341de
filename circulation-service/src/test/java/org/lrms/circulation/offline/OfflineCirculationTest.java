package org.lrms.circulation.offline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OfflineCirculationTest {

    @Inject
    OfflineTransactions transactions;

    @Test
    void aBatchIsAppliedInTimeOrderWithAReportOfConflictsAndAnUploadAgainChangesNothing() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Fixtures.policyRule(site, null, null, 14)).when().post("/api/v1/policies")
                .then().statusCode(201);
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String anaId = Fixtures.newPatron(site, ana, "STUDENT", "9");
        String benId = Fixtures.newPatron(site, ben, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot late = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
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
                        "itemBarcode", "NO-SUCH-ITEM"),
                // lent 20 days ago for 14 days, returned an hour ago: fined
                Map.of("id", "6", "type", "CHECKOUT", "at", Instant.now().minus(20, ChronoUnit.DAYS).toString(),
                        "patronBarcode", ana, "itemBarcode", late.barcode()),
                Map.of("id", "7", "type", "CHECKIN", "at", Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "itemBarcode", late.barcode())));
        List<String> order = List.of("6", "1", "2", "3", "4", "5", "7");
        var first = given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/offline-batches");
        first.then().statusCode(200)
                .body("applied", equalTo(5)).body("conflicts", equalTo(2))
                .body("outcomes.id", equalTo(order))
                .body("outcomes[4].code", equalTo("item-on-loan"))
                .body("outcomes[5].code", equalTo("unknown-item"));
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/patrons/" + anaId + "/loans")
                .then().body("", hasSize(0));
        List<Map<String, Object>> loans = loansOf(copy, late);
        List<Map<String, Object>> fees = feesOf(anaId, benId);
        List<Map<String, Object>> copies = List.of(copyRow(copy), copyRow(late));
        assertEquals(3, loans.size());
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee WHERE patron_id = ?::uuid", anaId),
                "the late return's fine");

        // uploaded again, by the same user and by another: every transaction was applied (or refused) before, and
        // the check-in of 2 closes neither ben's loan (3, which began after it) nor lends the copy to ana (4)
        for (String token : List.of(TestTokens.siteStaff(site),
                TestTokens.token("other.staff", Set.of("site-staff"), List.of(site)))) {
            var again = given().auth().oauth2(token).contentType(ContentType.JSON).body(batch)
                    .when().post("/api/v1/offline-batches");
            assertEquals(loans, loansOf(copy, late), "no loan closed, none lent");
            assertEquals(fees, feesOf(anaId, benId), "no fee charged");
            assertEquals(copies, List.of(copyRow(copy), copyRow(late)), "no copy moved");
            again.then().statusCode(200)
                    .body("applied", equalTo(5)).body("conflicts", equalTo(2)).body("alreadyApplied", equalTo(7))
                    .body("outcomes.id", equalTo(order))
                    .body("outcomes.alreadyApplied", everyItem(equalTo(true)))
                    .body("outcomes.applied", equalTo(List.of(true, true, true, true, false, false, true)))
                    .body("outcomes[4].code", equalTo("item-on-loan"));
        }
        first.then().body("alreadyApplied", equalTo(0)).body("outcomes.alreadyApplied", everyItem(equalTo(false)));
    }

    @Test
    void anOfflineCheckInNeverClosesALoanThatBeganAfterIt() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        Fixtures.newPatron(site, ana, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "patronBarcode", ana, "itemBarcode", copy.barcode()))
                .when().post("/api/v1/checkouts").then().statusCode(201);
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "transactions", List.of(Map.of("id", "1", "type", "CHECKIN",
                        "at", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "itemBarcode", copy.barcode()))))
                .when().post("/api/v1/offline-batches")
                .then().statusCode(200).body("applied", equalTo(0)).body("conflicts", equalTo(1))
                .body("outcomes[0].code", equalTo("loaned-after-check-in"));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ? AND returned_at IS NULL",
                copy.copyId()), "the desk's loan stays open");
        assertEquals("CHECKED_OUT", copyRow(copy).get("circulation_state"));
    }

    private static List<Map<String, Object>> loansOf(CopySnapshot... copies) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CopySnapshot copy : copies) {
            long n = Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", copy.copyId());
            for (long i = 0; i < n; i++) {
                rows.add(Fixtures.row("SELECT * FROM loan WHERE copy_id = ? ORDER BY loaned_at OFFSET " + i
                        + " LIMIT 1", copy.copyId()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> feesOf(String... patronIds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String patronId : patronIds) {
            long n = Fixtures.count("SELECT count(*) FROM fee WHERE patron_id = ?::uuid", patronId);
            for (long i = 0; i < n; i++) {
                rows.add(Fixtures.row("SELECT * FROM fee WHERE patron_id = ?::uuid ORDER BY id OFFSET " + i
                        + " LIMIT 1", patronId));
            }
            rows.add(Fixtures.row("SELECT fee_balance, version FROM patron WHERE id = ?::uuid", patronId));
        }
        return rows;
    }

    private static Map<String, Object> copyRow(CopySnapshot copy) {
        return Fixtures.row("SELECT * FROM copy WHERE id = ?", copy.copyId());
    }

    @Test
    void theRecordOfATransactionTooOldToBeUploadedAgainIsDeleted() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        Map<String, Object> batch = Map.of("siteCode", site, "transactions", List.of(
                Map.of("id", "old", "type", "CHECKIN", "at", Instant.now().minus(40, ChronoUnit.DAYS).toString(),
                        "itemBarcode", Fixtures.unique("C")),
                Map.of("id", "new", "type", "CHECKIN", "at", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                        "itemBarcode", Fixtures.unique("C"))));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(batch).when().post("/api/v1/offline-batches")
                .then().statusCode(200).body("alreadyApplied", equalTo(0));

        assertTrue(transactions.purge(Instant.now()) >= 1);

        // the 40-day-old one is refused by its time again (its record is gone), the other one is still known
        given().auth().oauth2(token).contentType(ContentType.JSON).body(batch).when().post("/api/v1/offline-batches")
                .then().statusCode(200).body("alreadyApplied", equalTo(1))
                .body("outcomes.find { it.id == 'old' }.alreadyApplied", equalTo(false))
                .body("outcomes.find { it.id == 'old' }.code", equalTo("bad-time"))
                .body("outcomes.find { it.id == 'new' }.alreadyApplied", equalTo(true));
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
