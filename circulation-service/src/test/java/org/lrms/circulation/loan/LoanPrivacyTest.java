package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.kit.outbox.Outbox;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A closed loan that loses its patron link says so on circulation.loans.v1 in the same commit: the return's own
 * LoanClosed (patronForgotten) when nothing is owed and no period applies, LoanAnonymized otherwise.
 */
@QuarkusTest
class LoanPrivacyTest {

    @Inject
    AgroalDataSource db;

    @Inject
    LoanPrivacy privacy;

    @Inject
    LoanSweeper sweeper;

    @Inject
    Outbox outbox;

    @Test
    void aReturnWithNothingOwedDropsThePatronAndSaysSoInLoanClosedWithoutALoanAnonymized() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        String loanId = lent.loanId();
        CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        assertEquals(List.of("null", site), storedKeyAndSite(loanId),
                "the stored loan keeps no pseudonymous key either (the service holds the key's secret)");

        List<EventEnvelope> events = eventsUpToMarker(site, loanId);
        assertEquals(List.of("LoanCreated", "LoanClosed", MARKER), types(events));
        LoanClosed closed = EventJson.payload(events.get(1), LoanClosed.class);
        assertTrue(closed.patronForgotten());
        assertEquals(EventJson.payload(events.get(0), LoanCreated.class).loan().patronKey(),
                closed.loan().patronKey(), "the close names the key being dropped, as LoanAnonymized did");
    }

    @Test
    void aReturnedLoanThatWasOverdueAndRenewedIsForgottenByItsOverdueNotices() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.policyRule(site, null, null, 14))
                .when().post("/api/v1/policies").then().statusCode(201);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        String loanId = lent.loanId();
        dueTwoDaysAgo(loanId);
        sweeper.sweep(Instant.now());
        assertEquals(1L, noticesOf(loanId), "the sweep's first overdue notice names the loan");
        given().auth().oauth2(token).when().post("/api/v1/loans/" + loanId + "/renewal").then().statusCode(200);
        // renewed two days late: charged the fine accrued so far (a renewal forgives no late day), paid at once
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().body("", hasSize(1)).body("[0].kind", equalTo("OVERDUE")).body("[0].amount", equalTo(0.2f));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("amount", "0.20", "method", "CASH", "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(0.0f));

        assertEquals(UUID.fromString(loanId), feeOf(patronId).get("loan_id"),
                "the loan is open: its paid fine names it");

        // due again in two weeks: no fine, nothing owed, so the return drops the link itself
        CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200).body("fine", equalTo(0.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        assertEquals(0L, noticesOf(loanId), "no notice leads from the patron to the loan any more");
        // nor does the renewal's fine: it keeps its money, not the loan nor the copy
        Map<String, Object> fine = feeOf(patronId);
        assertNull(fine.get("loan_id"));
        assertNull(fine.get("copy_id"));
        assertEquals(List.of("OVERDUE", "PAID", site),
                List.of(fine.get("kind"), fine.get("status"), fine.get("site_code")));
        assertEquals(0, new BigDecimal("0.20").compareTo((BigDecimal) fine.get("amount")));
        assertEquals(0L, readingHistoryThroughFees(patronId));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM notice WHERE patron_id = ?::uuid AND kind = 'OVERDUE'",
                patronId), "the notice itself stays the patron's");
        List<EventEnvelope> events = eventsUpToMarker(site, loanId);
        assertEquals(List.of("LoanCreated", "LoanOverdue", "LoanRenewed", "LoanClosed", MARKER), types(events));
        assertTrue(EventJson.payload(events.get(3), LoanClosed.class).patronForgotten());
    }

    /** The loan was due two days ago (overdue now, without waiting). */
    private static void dueTwoDaysAgo(String loanId) {
        Fixtures.update("UPDATE loan SET due_at = now() - interval '2 days' WHERE id = ?", UUID.fromString(loanId));
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
        fineADollarADay(site, token);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        String loanId = lent.loanId();
        dueTwoDaysAgo(loanId);
        CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(patronId));
        assertEquals(1L, noticesOf(loanId), "the fine notice names the loan while the fine is open");
        // the fees and the account say what the fine is for while the loan is the patron's
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees").then().statusCode(200)
                .body("[0].loanId", equalTo(loanId));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/account").then().statusCode(200)
                .body("entries.kind", equalTo(List.of("CHARGE")))
                .body("entries[0].itemBarcode", equalTo(lent.barcode()))
                .body("entries[0].itemTitle", org.hamcrest.Matchers.notNullValue());

        Map<String, Object> open = feeOf(patronId);
        assertEquals(UUID.fromString(loanId), open.get("loan_id"));
        assertNotNull(open.get("copy_id"));
        assertEquals(1L, readingHistoryThroughFees(patronId), "while the fine is open, the fee names what it is for");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("amount", "2.00", "method", "CASH", "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
        // the payment anonymized the loan, and in the same statement the fee forgot it: the fee's patron no longer
        // leads to the book (fee -> loan -> copy, or the fee's copy); the money, kind, site, dates and receipt stay
        Map<String, Object> paid = feeOf(patronId);
        assertNull(paid.get("loan_id"));
        assertNull(paid.get("copy_id"));
        assertEquals(List.of("OVERDUE", "PAID", site, open.get("created_at")), List.of(paid.get("kind"),
                paid.get("status"), paid.get("site_code"), paid.get("created_at")));
        assertEquals(0, new BigDecimal("2.00").compareTo((BigDecimal) paid.get("amount")));
        assertEquals(0L, readingHistoryThroughFees(patronId));
        assertEquals(1L, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ? AND kind = 'PAYMENT' "
                + "AND receipt_no LIKE 'R-%'", paid.get("id")));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"), types(events));
        assertFalse(EventJson.payload(events.get(1), LoanClosed.class).patronForgotten(),
                "the fined return kept the link: the fine was owed");
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        assertEquals(0L, noticesOf(loanId), "once anonymized, no notice leads from the patron to the loan");
        // nor do the patron's fees (the loan, found by its id, would name its item), nor the account: the money
        // stays, what was borrowed goes
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees").then().statusCode(200)
                .body("kind", equalTo(List.of("OVERDUE"))).body("[0].loanId", equalTo(null));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/account").then().statusCode(200)
                .body("entries.kind", equalTo(List.of("PAYMENT", "CHARGE")))
                .body("entries.itemBarcode", equalTo(java.util.Arrays.asList(null, null)))
                .body("entries.itemTitle", equalTo(java.util.Arrays.asList(null, null)));
    }

    /** The patron's one fee, as stored. */
    private static Map<String, Object> feeOf(String patronId) {
        return Fixtures.row("SELECT id, loan_id, copy_id, kind, status, site_code, amount, created_at FROM fee "
                + "WHERE patron_id = ?", UUID.fromString(patronId));
    }

    /** The site's rule: 14 days, a fine of 1.00 a day overdue. */
    private static void fineADollarADay(String site, String token) {
        Map<String, Object> rule = Fixtures.policyRule(site, null, null, 14);
        rule.put("finePerDay", "1.00");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
    }

    /** What the patron's fees still tell of what they borrowed: the copies reached from them, by loan or straight. */
    private static long readingHistoryThroughFees(String patronId) {
        return Fixtures.count("SELECT count(*) FROM fee f LEFT JOIN loan l ON l.id = f.loan_id "
                + "WHERE f.patron_id = ? AND (l.copy_id IS NOT NULL OR f.copy_id IS NOT NULL)",
                UUID.fromString(patronId));
    }

    @Test
    void aLoanKeptByThePolicyKeepsItsPaidFineUntilTheNightlyRunAnonymizesThemBoth() {
        String admin = TestTokens.districtAdmin();
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        fineADollarADay(site, token);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        policy(admin, 30);
        try {
            dueTwoDaysAgo(lent.loanId());
            CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("amount", "2.00", "method", "CASH", "siteCode", site))
                    .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201);
            // paid, but the district keeps closed loans 30 days: the loan and its fee's link stay for now
            assertEquals(UUID.fromString(lent.loanId()), feeOf(patronId).get("loan_id"));

            privacy.anonymizeKeptLoans(Instant.now().plus(Duration.ofDays(31)));
        } finally {
            policy(admin, 0);
        }
        given().auth().oauth2(token).when().get("/api/v1/loans/" + lent.loanId()).then()
                .body("patronId", equalTo(null));
        Map<String, Object> fine = feeOf(patronId);
        assertNull(fine.get("loan_id"));
        assertNull(fine.get("copy_id"));
        assertEquals("PAID", fine.get("status"));
        assertEquals(0L, readingHistoryThroughFees(patronId));
    }

    /**
     * A waiver answers the fee as the patron's fees list it: with its loan while the loan is the patron's, without it
     * once the waiver (or anything after it) anonymized the loan; a retry with the same Idempotency-Key too.
     */
    @Test
    void aWaiverNamesTheLoanOnlyWhileItIsThePatronsAndSoDoesItsRetry() {
        String site = Fixtures.newSite();
        Fixtures.supervisor(site);
        String token = TestTokens.siteStaff(site);
        fineADollarADay(site, token);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        dueTwoDaysAgo(lent.loanId());
        CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));
        String feeId = feeOf(patronId).get("id").toString();

        // part of the fine: the loan stays the patron's (the rest is open), so the answer names it
        String part = UUID.randomUUID().toString();
        String partAnswer = waive(token, feeId, part, Map.of("amount", "0.50", "reason", "first offence"))
                .body("loanId", equalTo(lent.loanId())).body("balance", equalTo(1.5f)).extract().asString();
        assertEquals(partAnswer, waive(token, feeId, part, Map.of("amount", "0.50", "reason", "first offence"))
                .extract().asString());

        // the rest: the loan's last open fee, so the waiver anonymizes the loan, and its answer names no loan
        String rest = UUID.randomUUID().toString();
        String restAnswer = waive(token, feeId, rest, Map.of("reason", "family circumstances"))
                .body("status", equalTo("WAIVED")).body("balance", equalTo(0.0f)).body("loanId", equalTo(null))
                .extract().asString();
        given().auth().oauth2(token).when().get("/api/v1/loans/" + lent.loanId()).then()
                .body("patronId", equalTo(null));
        assertEquals(restAnswer, waive(token, feeId, rest, Map.of("reason", "family circumstances"))
                .extract().asString());
        assertFalse(((String) Fixtures.row("SELECT body FROM idempotent_request WHERE request_key LIKE ?",
                "%|" + rest).get("body")).contains(lent.loanId()), "the kept answer names no loan either");
        // the first waiver retried: its own answer (amount, balance then), but the loan is no longer the patron's
        waive(token, feeId, part, Map.of("amount", "0.50", "reason", "first offence"))
                .body("loanId", equalTo(null)).body("balance", equalTo(1.5f)).body("status", equalTo("OPEN"));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + patronId + "/fees").then()
                .body("[0].loanId", equalTo(null));
    }

    private static io.restassured.response.ValidatableResponse waive(String token, String feeId, String key,
                                                                     Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/fees/" + feeId + "/waivers").then().statusCode(200);
    }

    /**
     * V30 for the loans anonymized before it: their fees, and fees whose loan row is gone, lose loan and copy; a fee of
     * a loan still the patron's keeps them. The migration's own statement, run again over rows written as before.
     */
    @Test
    void theMigrationUnlinksTheFeesOfLoansAnonymizedBeforeIt() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent returned = lendNewBook(token, site, patron);
        CheckoutTest.checkIn(site, returned.barcode()).then().statusCode(200);
        Lent out = lendNewBook(token, site, patron);
        UUID ofAnonymized = legacyFee(patronId, site, returned.loanId());
        UUID ofNoLoan = legacyFee(patronId, site, UUID.randomUUID().toString());
        UUID ofOpenLoan = legacyFee(patronId, site, out.loanId());

        String migration;
        try (var in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V30__anonymized_loans_leave_their_fees.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Fixtures.update(migration);

        for (UUID fee : List.of(ofAnonymized, ofNoLoan)) {
            Map<String, Object> row = Fixtures.row("SELECT loan_id, copy_id, amount, status FROM fee WHERE id = ?",
                    fee);
            assertNull(row.get("loan_id"));
            assertNull(row.get("copy_id"));
            assertEquals(0, new BigDecimal("1.00").compareTo((BigDecimal) row.get("amount")));
            assertEquals("PAID", row.get("status"));
        }
        assertEquals(UUID.fromString(out.loanId()),
                Fixtures.row("SELECT loan_id FROM fee WHERE id = ?", ofOpenLoan).get("loan_id"));
        assertEquals(1L, readingHistoryThroughFees(patronId), "only the loan still out");
    }

    /** A paid fee of the loan and its copy, written straight to the table as releases before V30 left it. */
    private static UUID legacyFee(String patronId, String site, String loanId) {
        UUID id = UUID.randomUUID();
        Fixtures.update("INSERT INTO fee (id, patron_id, site_code, kind, amount, balance, status, loan_id, copy_id, "
                + "created_at, created_by) VALUES (?, ?, ?, 'DAMAGED', 1.00, 0, 'PAID', ?, "
                + "COALESCE((SELECT copy_id FROM loan WHERE id = ?), gen_random_uuid()), now(), 'test')",
                id, UUID.fromString(patronId), site, UUID.fromString(loanId), UUID.fromString(loanId));
        return id;
    }

    /** A book lent at a desk: its barcode and the loan's id. */
    private record Lent(String barcode, String loanId) {
    }

    /** A new book at the site, checked out to the patron. */
    private static Lent lendNewBook(String token, String site, String patron) {
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        return new Lent(copy.barcode(), loanId);
    }

    /** A manual charge of {@code amount} at the site, a fee of no loan; answers its id. */
    private static String manualCharge(String token, String site, String patronId, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", amount, "note", "torn cover"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPatronOwingAnUnrelatedFeeWhoReturnsOnTimeHasTheLoanAnonymizedAtCheckIn() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        // ten cents owed from last year, for something else: it keeps no later loan under the patron's name
        String charge = manualCharge(token, site, patronId, "0.10");
        Lent lent = lendNewBook(token, site, patron);
        String loanId = lent.loanId();
        CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200);

        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        assertEquals(List.of("null", site), storedKeyAndSite(loanId));
        List<EventEnvelope> events = eventsUpToMarker(site, loanId);
        assertEquals(List.of("LoanCreated", "LoanClosed", MARKER), types(events));
        assertTrue(EventJson.payload(events.get(1), LoanClosed.class).patronForgotten());
        // the fee is the money trail: it keeps its patron, still open
        given().auth().oauth2(token).queryParam("open", true).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().body("id", equalTo(List.of(charge)));
    }

    @Test
    void aLoanWithItsOwnFineStaysLinkedUntilThatFineIsPaidWhileAnotherFeeStaysOpen() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        fineADollarADay(site, token);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        String charge = manualCharge(token, site, patronId, "3.00");
        CopySnapshot late = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot onTime = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String lateLoan = CheckoutTest.checkOut(token, site, patron, late.barcode(), null).then().statusCode(201)
                .extract().path("id");
        String onTimeLoan = CheckoutTest.checkOut(token, site, patron, onTime.barcode(), null).then()
                .statusCode(201).extract().path("id");
        dueTwoDaysAgo(lateLoan);
        CheckoutTest.checkIn(site, late.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + lateLoan).then()
                .body("patronId", equalTo(patronId));

        // another return while the fine is open: that loan has no fee of its own, so it goes at once, and the late
        // one stays (its fine is open)
        CheckoutTest.checkIn(site, onTime.barcode()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/loans/" + onTimeLoan).then()
                .body("patronId", equalTo(null));
        assertTrue(EventJson.payload(Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, onTimeLoan,
                seen -> seen.size() >= 2).get(1), LoanClosed.class).patronForgotten());
        given().auth().oauth2(token).when().get("/api/v1/loans/" + lateLoan).then()
                .body("patronId", equalTo(patronId));

        String fine = given().auth().oauth2(token).queryParam("open", true)
                .when().get("/api/v1/patrons/" + patronId + "/fees").then()
                .extract().path("find { it.kind == 'OVERDUE' }.id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("amount", "2.00", "method", "CASH", "feeId", fine, "siteCode", site))
                .when().post("/api/v1/patrons/" + patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(3.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + lateLoan).then().body("patronId", equalTo(null));
        assertEquals(0L, noticesOf(lateLoan), "the fine's notice no longer leads from the patron to the loan");
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, lateLoan,
                seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"), types(events));
        assertFalse(EventJson.payload(events.get(1), LoanClosed.class).patronForgotten());
        given().auth().oauth2(token).queryParam("open", true).when().get("/api/v1/patrons/" + patronId + "/fees")
                .then().body("id", equalTo(List.of(charge)));
    }

    /**
     * Two desks at once: a loan with an open fee of its own is returned on time while another desk pays that fee. The
     * return locks the patron, as the payment does, so one waits for the other and the loan never stays linked (here
     * the payment, simulated by a transaction holding the patron's lock, commits while the return waits).
     */
    @Test
    void aReturnWhileAnotherDeskPaysTheLoansFeeWaitsForItAndThenAnonymizesTheLoan() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        Lent lent = lendNewBook(token, site, patron);
        String loanId = lent.loanId();
        UUID feeId = UUID.randomUUID();
        Fixtures.update("INSERT INTO fee (id, patron_id, site_code, kind, amount, balance, status, loan_id, created_at,"
                + " created_by) VALUES (?, ?, ?, 'DAMAGED', 4.00, 4.00, 'OPEN', ?, now(), 'test')",
                feeId, UUID.fromString(patronId), site, UUID.fromString(loanId));

        try (Connection payingDesk = db.getConnection()) {
            payingDesk.setAutoCommit(false);
            try (PreparedStatement lock = payingDesk.prepareStatement("SELECT id FROM patron WHERE id = ? FOR UPDATE");
                 PreparedStatement pay = payingDesk.prepareStatement(
                         "UPDATE fee SET status = 'PAID', balance = 0 WHERE id = ?")) {
                lock.setObject(1, UUID.fromString(patronId));
                lock.executeQuery().close();
                pay.setObject(1, feeId);
                pay.executeUpdate();
            }
            CompletableFuture<Integer> returned = CompletableFuture.supplyAsync(
                    () -> CheckoutTest.checkIn(site, lent.barcode()).statusCode());
            await().atMost(Duration.ofSeconds(20)).until(() -> Fixtures.count("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND query LIKE ?", "%patron%") > 0);
            payingDesk.commit();
            assertEquals(200, returned.get(30, TimeUnit.SECONDS));
        }
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"), types(Fixtures.awaitEvents(
                Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 3)));
    }

    @Test
    void theNightlyRunAnonymizesKeptLoansWithoutAnOpenFeeOfTheirOwnWhateverElseIsOwed() {
        String admin = TestTokens.districtAdmin();
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        fineADollarADay(site, token);
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "7");
        manualCharge(token, site, patronId, "0.10");
        CopySnapshot kept = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot fined = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String keptLoan;
        String finedLoan;
        policy(admin, 30);
        try {
            keptLoan = CheckoutTest.checkOut(token, site, patron, kept.barcode(), null).then().statusCode(201)
                    .extract().path("id");
            finedLoan = CheckoutTest.checkOut(token, site, patron, fined.barcode(), null).then().statusCode(201)
                    .extract().path("id");
            dueTwoDaysAgo(finedLoan);
            CheckoutTest.checkIn(site, kept.barcode()).then().statusCode(200);
            CheckoutTest.checkIn(site, fined.barcode()).then().statusCode(200).body("fine", equalTo(2.0f));

            privacy.anonymizeKeptLoans(Instant.now().plus(Duration.ofDays(31)));
        } finally {
            policy(admin, 0);
        }
        // the period is over: the loan without a fee of its own goes, though the patron owes 2.10
        given().auth().oauth2(token).when().get("/api/v1/loans/" + keptLoan).then().body("patronId", equalTo(null));
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"),
                types(Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, keptLoan, seen -> seen.size() >= 3)));
        // the loan whose fine is open stays the patron's
        given().auth().oauth2(token).when().get("/api/v1/loans/" + finedLoan).then()
                .body("patronId", equalTo(patronId));
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
            Lent lent = lendNewBook(token, site, patron);
            String loanId = lent.loanId();
            CheckoutTest.checkIn(site, lent.barcode()).then().statusCode(200);
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
            assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"), types(events));
            assertFalse(EventJson.payload(events.get(1), LoanClosed.class).patronForgotten());
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"keepClosedLoansDays\": 0}")
                    .when().put("/api/v1/privacy-policy").then().statusCode(200);
        }
    }

    @Test
    void aReturnOfAPatronWithAClosedLoanStillLinkedAnonymizesThemAllAsBefore() {
        String admin = TestTokens.districtAdmin();
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "7");
        CopySnapshot first = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot second = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String kept;
        policy(admin, 30);
        try {
            kept = CheckoutTest.checkOut(token, site, patron, first.barcode(), null).then().statusCode(201)
                    .extract().path("id");
            CheckoutTest.checkIn(site, first.barcode()).then().statusCode(200);
        } finally {
            policy(admin, 0);
        }
        // the district shortened its period to none: the loan it kept is still linked until a nightly run ...
        given().auth().oauth2(token).when().get("/api/v1/loans/" + kept).then().body("patronId", notNullValue());

        // ... or the patron's next return, which anonymizes all their closed loans, as it always did
        String loanId = CheckoutTest.checkOut(token, site, patron, second.barcode(), null).then().statusCode(201)
                .extract().path("id");
        CheckoutTest.checkIn(site, second.barcode()).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("patronId", equalTo(null));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + kept).then().body("patronId", equalTo(null));
        assertEquals(List.of("null", site), storedKeyAndSite(kept));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 3);
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"), types(events));
        assertFalse(EventJson.payload(events.get(1), LoanClosed.class).patronForgotten());
        assertEquals(List.of("LoanCreated", "LoanClosed", "LoanAnonymized"),
                types(Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, kept, seen -> seen.size() >= 3)));
    }

    private static void policy(String admin, int keepClosedLoansDays) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"keepClosedLoansDays\": " + keepClosedLoansDays + "}").when().put("/api/v1/privacy-policy")
                .then().statusCode(200).body("keepClosedLoansDays", equalTo(keepClosedLoansDays));
    }

    /** A later event on the loan's key: once it is read, every event the loan's transactions published was read. */
    record PrivacyTestMarker(String loanId) {
    }

    private static final String MARKER = "PrivacyTestMarker";

    /** The loan's events up to a marker published after them (so an event that should not be there would be). */
    private List<EventEnvelope> eventsUpToMarker(String site, String loanId) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(Topics.CIRCULATION_LOANS, site, loanId,
                new PrivacyTestMarker(loanId)));
        return Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId,
                seen -> seen.stream().anyMatch(e -> MARKER.equals(e.type())));
    }

    private static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
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
