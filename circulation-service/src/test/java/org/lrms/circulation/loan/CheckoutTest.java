package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.circulation.patron.PatronKeys;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.CapturedLog;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CheckoutTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Inject
    AgroalDataSource db;

    @Inject
    PatronKeys keys;

    record Desk(String site, String patronId, String patronBarcode, CopySnapshot copy) {
    }

    private Desk desk() {
        String site = Fixtures.newSite();
        String patronBarcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patronBarcode, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        return new Desk(site, patronId, patronBarcode, copy);
    }

    static Response checkOut(String token, String site, String patron, String item, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("siteCode", site, "patronBarcode", patron,
                "itemBarcode", item));
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/checkouts");
    }

    static Response checkIn(String site, String item) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "itemBarcode", item)).when().post("/api/v1/checkins");
    }

    @Test
    void checkOutLendsTheCopyUntilTheDistrictDefaultDueDateAndPublishesAPseudonymousEvent() {
        Desk d = desk();
        String loanId = checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode, d.copy.barcode(), null)
                .then().statusCode(201)
                .body("id", notNullValue()).body("itemBarcode", equalTo(d.copy.barcode()))
                .extract().path("id");
        String due = given().auth().oauth2(TestTokens.siteStaff(d.site)).when().get("/api/v1/loans/" + loanId)
                .then().statusCode(200).extract().path("dueDate");
        assertEquals(LocalDate.now(LA).plusDays(14), Instant.parse(due).atZone(LA).toLocalDate());
        given().auth().oauth2(TestTokens.siteStaff(d.site)).when().get("/api/v1/copies/" + d.copy.barcode())
                .then().body("circulationState", equalTo("CHECKED_OUT"));

        EventEnvelope event = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> !seen.isEmpty()).get(0);
        LoanCreated created = EventJson.payload(event, LoanCreated.class);
        assertEquals("LoanCreated", event.type());
        assertEquals(d.site, created.loan().siteCode());
        assertEquals("STUDENT", created.loan().patronType());
        assertEquals("9", created.loan().patronGrade());
        assertEquals("BOOK", created.loan().materialType());
        assertEquals("FIC", created.loan().deweyNumber());
        assertNotEquals(d.patronId, created.loan().patronKey());
        assertNotEquals(d.patronBarcode, created.loan().patronKey());
        assertTrue(EventJson.write(event).indexOf("Lopez") < 0, "no name in the event");
    }

    @Test
    void checkInClosesTheLoanAndTheCopyIsAvailableAgain() {
        Desk d = desk();
        String loanId = checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode, d.copy.barcode(), null)
                .then().statusCode(201).extract().path("id");
        checkIn(d.site, d.copy.barcode()).then().statusCode(200)
                .body("loanId", equalTo(loanId)).body("nextCopyStatus", equalTo("AVAILABLE"))
                .body("fine", equalTo(0.0f));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId, seen -> seen.size() >= 2);
        assertEquals("LoanClosed", events.get(1).type());
        assertEquals("AVAILABLE", EventJson.payload(events.get(1), LoanClosed.class).nextCopyStatus());
        checkIn(d.site, d.copy.barcode()).then().statusCode(409).body("code", equalTo("not-on-loan"));
        // nothing owed: the closed loan no longer names the patron
        given().auth().oauth2(TestTokens.siteStaff(d.site)).when().get("/api/v1/loans/" + loanId)
                .then().statusCode(200).body("patronId", equalTo(null));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstLoanAgain() {
        Desk d = desk();
        String key = UUID.randomUUID().toString();
        String token = TestTokens.siteStaff(d.site);
        String first = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), key).then().statusCode(201)
                .extract().path("id");
        String again = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), key).then().statusCode(201)
                .extract().path("id");
        assertEquals(first, again);
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + d.patronId + "/loans")
                .then().statusCode(200).body("", hasSize(1));
        checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), UUID.randomUUID().toString())
                .then().statusCode(409).body("code", equalTo("item-on-loan"));
    }

    @Test
    void twoDesksCheckingOutOneCopyAtOnceExactlyOneWins() throws Exception {
        Desk d = desk();
        String otherPatron = Fixtures.unique("P");
        Fixtures.newPatron(d.site, otherPatron, "STUDENT", "9");
        String token = TestTokens.siteStaff(d.site);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Response>> desks = new ArrayList<>();
            for (String patron : List.of(d.patronBarcode, otherPatron)) {
                desks.add(() -> {
                    start.await();
                    return checkOut(token, d.site, patron, d.copy.barcode(), null);
                });
            }
            List<Future<Response>> answers = desks.stream().map(pool::submit).toList();
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                // the copy's row lock makes the second desk wait, then read the copy the first one lent
                statuses.add(response.statusCode() + (response.statusCode() == 201 ? "" : " " + response.path("code")));
            }
            assertEquals(1, statuses.stream().filter(s -> s.equals("201")).count(), "statuses " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s.equals("409 item-on-loan")).count(),
                    "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ? AND returned_at IS NULL",
                d.copy.copyId()));
        assertEquals("CHECKED_OUT", copyRow(d.copy).get("circulation_state"));
    }

    @Test
    void eachRefusalHasACodeTheDeskCanActOnAndLendsNothing() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> shelved = copyRow(d.copy);
        checkOut(token, d.site, "NO-SUCH-PATRON", d.copy.barcode(), null).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("unknown-patron"));
        checkOut(token, d.site, d.patronBarcode, "NO-SUCH-ITEM", null).then().statusCode(422)
                .body("code", equalTo("unknown-item"));

        String otherSite = Fixtures.newSite();
        CopySnapshot elsewhere = Fixtures.addCopy(otherSite, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        Map<String, Object> elsewhereShelved = copyRow(elsewhere);
        checkOut(token, d.site, d.patronBarcode, elsewhere.barcode(), null).then().statusCode(409)
                .body("code", equalTo("item-at-other-site")).body("context.itemSite", equalTo(otherSite));
        assertEquals(elsewhereShelved, copyRow(elsewhere));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "lost two books"))
                .when().put("/api/v1/patrons/" + d.patronId + "/block").then().statusCode(200);
        checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(409)
                .body("code", equalTo("patron-blocked")).body("context.overridable", equalTo(true));

        String inactive = Fixtures.unique("P");
        Map<String, Object> body = Fixtures.patronJson(d.site, inactive, "STUDENT", "9");
        body.put("status", "INACTIVE");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/patrons")
                .then().statusCode(201);
        checkOut(token, d.site, inactive, d.copy.barcode(), null).then().statusCode(422)
                .body("code", equalTo("patron-inactive"));

        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", d.copy.copyId()));
        // refused after the copy was locked (patron-blocked): its row is as it was
        assertEquals(shelved, copyRow(d.copy));
    }

    @Test
    void aCheckOutAndItsCheckInWriteTheRowsAndTellTheEventsFieldForField() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        UUID patronId = UUID.fromString(d.patronId);
        String key = keys.of(patronId);
        Map<String, Object> shelved = copyRow(d.copy);

        Response out = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().response();
        UUID loanId = UUID.fromString(out.path("id"));
        Instant loanedAt = Instant.parse(out.path("loanedAt"));
        Instant due = Instant.parse(out.path("dueDate"));
        Map<String, Object> view = new HashMap<>();
        view.put("id", loanId.toString());
        view.put("copyId", d.copy.copyId().toString());
        view.put("itemBarcode", d.copy.barcode());
        view.put("title", "Holes");
        view.put("patronId", d.patronId);
        view.put("siteCode", d.site);
        view.put("loanedAt", out.path("loanedAt"));
        view.put("dueDate", out.path("dueDate"));
        view.put("renewals", 0);
        view.put("returnedAt", null);
        view.put("overrideReason", null);
        assertEquals(view, out.jsonPath().getMap(""));

        Map<String, Object> lent = new LinkedHashMap<>();
        lent.put("id", loanId);
        lent.put("copy_id", d.copy.copyId());
        lent.put("patron_id", patronId);
        lent.put("patron_key", key);
        lent.put("patron_type", "STUDENT");
        lent.put("patron_grade", "9");
        lent.put("site_code", d.site);
        lent.put("loaned_at", microseconds(loanedAt));
        lent.put("due_at", due);
        lent.put("renewals", 0);
        lent.put("returned_at", null);
        lent.put("returned_at_site", null);
        lent.put("override_reason", null);
        lent.put("override_by", null);
        lent.put("created_by", "tech." + d.site.toLowerCase(Locale.ROOT));
        lent.put("version", 0);
        lent.put("overdue_stage", 0);
        lent.put("lost_at", null);
        lent.put("overdue_block", false);
        lent.put("lost_settled_at", null);
        assertEquals(lent, loanRow(loanId));
        Map<String, Object> onLoan = new LinkedHashMap<>(shelved);
        onLoan.put("circulation_state", "CHECKED_OUT");
        assertEquals(onLoan, copyRow(d.copy));

        Response in = checkIn(d.site, d.copy.barcode()).then().statusCode(200).extract().response();
        Instant returnedAt = Instant.parse(in.path("returnedAt"));
        Map<String, Object> answer = new HashMap<>();
        answer.put("loanId", loanId.toString());
        answer.put("itemBarcode", d.copy.barcode());
        answer.put("returnedAt", in.path("returnedAt"));
        answer.put("daysOverdue", 0);
        answer.put("fine", 0.0f);
        answer.put("nextCopyStatus", "AVAILABLE");
        answer.put("routeTo", null);
        answer.put("holdId", null);
        assertEquals(answer, in.jsonPath().getMap(""));
        assertTrue(in.asString().contains("\"fine\":0.00"), in.asString());

        Map<String, Object> closed = new LinkedHashMap<>(lent);
        closed.put("patron_id", null);
        closed.put("patron_key", null);
        closed.put("returned_at", microseconds(returnedAt));
        closed.put("returned_at_site", d.site);
        closed.put("version", 1);
        assertEquals(closed, loanRow(loanId));
        assertEquals(shelved, copyRow(d.copy));

        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId.toString(),
                seen -> seen.size() >= 2);
        assertEquals(List.of("LoanCreated", "LoanClosed"), events.stream().map(EventEnvelope::type).toList());
        for (EventEnvelope event : events) {
            assertEquals(d.site, event.siteCode());
            assertEquals(loanId.toString(), event.aggregateId());
        }
        // LoanCreated tells the loan as lent (the instant as answered), LoanClosed as read back from its row
        assertEquals(new LoanCreated(new LoanSnapshot(loanId, d.copy.copyId(), d.copy.barcode(), d.copy.titleId(),
                        d.site, key, "STUDENT", "9", "BOOK", "BOOK", "FIC", loanedAt, due, 0), null),
                EventJson.payload(events.get(0), LoanCreated.class));
        assertEquals(new LoanClosed(new LoanSnapshot(loanId, d.copy.copyId(), d.copy.barcode(), d.copy.titleId(),
                        d.site, key, "STUDENT", "9", "BOOK", "BOOK", "FIC", microseconds(loanedAt), due, 0),
                        returnedAt, d.site, "AVAILABLE", true),
                EventJson.payload(events.get(1), LoanClosed.class));
    }

    @Test
    void aCheckOutOrCheckInWhoseEventsCannotBeWrittenChangesNothing() throws Exception {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> shelved = copyRow(d.copy);
        CapturedLog log = CapturedLog.start();
        try (log) {
            // the outbox is written last, just before the commit: whatever the transaction wrote before goes with it
            try (AutoCloseable refused = outboxRefuses(d.copy.barcode())) {
                checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(500);
            }
            assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", d.copy.copyId()));
            assertEquals(shelved, copyRow(d.copy));

            UUID loanId = UUID.fromString(checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then()
                    .statusCode(201).extract().path("id"));
            Map<String, Object> lent = loanRow(loanId);
            Map<String, Object> onLoan = copyRow(d.copy);
            try (AutoCloseable refused = outboxRefuses(d.copy.barcode())) {
                checkIn(d.site, d.copy.barcode()).then().statusCode(500);
            }
            assertEquals(lent, loanRow(loanId));
            assertEquals(onLoan, copyRow(d.copy));
            checkIn(d.site, d.copy.barcode()).then().statusCode(200).body("loanId", equalTo(loanId.toString()));

            // the failures were logged, with the driver's error, but not the loan the refused statement carried
            // (the driver quotes a failed batch's values unless logServerErrorDetail=false)
            String logged = log.text();
            assertTrue(logged.contains("refused by the test"), logged);
            String patronKey = (String) lent.get("patron_key");
            assertFalse(logged.contains(patronKey), "the patron's key was logged:\n" + logged);
            assertFalse(logged.contains(d.copy.barcode()), "the loan's item was logged:\n" + logged);
        }
    }

    /** Until closed, the outbox refuses events naming {@code barcode} (a trigger), as a failing database would. */
    private static AutoCloseable outboxRefuses(String barcode) {
        String name = "refuse_" + barcode.toLowerCase(Locale.ROOT);
        Fixtures.update("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.envelope LIKE '%" + barcode + "%' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                + "RETURN NEW; END $$");
        Fixtures.update("CREATE TRIGGER " + name + " BEFORE INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION "
                + name + "()");
        return () -> {
            Fixtures.update("DROP TRIGGER " + name + " ON outbox_event");
            Fixtures.update("DROP FUNCTION " + name + "()");
        };
    }

    @Test
    void aCheckInWhileAnotherTransactionChangesTheLoanClosesNothing() throws Exception {
        Desk d = desk();
        UUID loanId = UUID.fromString(checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode,
                d.copy.barcode(), null).then().statusCode(201).extract().path("id"));
        Map<String, Object> onLoan = copyRow(d.copy);
        // a renewal at another desk holds the loan's row, changed (its version too) and not yet committed
        ExecutorService desk = Executors.newSingleThreadExecutor();
        try (Connection renewal = db.getConnection()) {
            renewal.setAutoCommit(false);
            try (PreparedStatement s = renewal.prepareStatement(
                    "UPDATE loan SET renewals = renewals + 1, version = version + 1 WHERE id = ?")) {
                s.setObject(1, loanId);
                assertEquals(1, s.executeUpdate());
            }
            Future<Response> checkin = desk.submit(() -> checkIn(d.site, d.copy.barcode()));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() || checkin.isDone());
            renewal.commit();
            // the return read the loan before the renewal: its version no longer matches, nothing is closed, and the
            // desk is told to scan again (as the version check at the entity's flush answered)
            checkin.get(10, TimeUnit.SECONDS).then().statusCode(409)
                    .contentType("application/problem+json").body("code", equalTo("concurrent-change"));
        } finally {
            desk.shutdownNow();
        }
        Map<String, Object> loan = loanRow(loanId);
        assertEquals(null, loan.get("returned_at"));
        assertEquals(UUID.fromString(d.patronId), loan.get("patron_id"));
        assertEquals(1, loan.get("renewals"));
        assertEquals(1, loan.get("version"));
        assertEquals(onLoan, copyRow(d.copy));
        checkIn(d.site, d.copy.barcode()).then().statusCode(200);
    }

    @Test
    void aCheckInChosenAsADeadlocksVictimIsABusyAnswerTheDeskMayRetryAndChangesNothing() throws Exception {
        Desk d = desk();
        UUID loanId = UUID.fromString(checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode,
                d.copy.barcode(), null).then().statusCode(201).extract().path("id"));
        Map<String, Object> lent = loanRow(loanId);
        Map<String, Object> onLoan = copyRow(d.copy);
        // another transaction locks the loan, then the copy (as a sweep declaring the loan lost does), while the
        // return holds the copy and waits on the loan: a deadlock, which PostgreSQL breaks by failing the return
        ExecutorService desk = Executors.newSingleThreadExecutor();
        try (Connection sweep = db.getConnection()) {
            sweep.setAutoCommit(false);
            try (PreparedStatement s = sweep.prepareStatement("SET LOCAL deadlock_timeout = '1min'")) {
                s.execute(); // so the return, waiting first with the default second, is the one that detects it
            }
            try (PreparedStatement s = sweep.prepareStatement("SELECT id FROM loan WHERE id = ? FOR UPDATE")) {
                s.setObject(1, loanId);
                s.executeQuery().close();
            }
            Future<Response> checkin = desk.submit(() -> checkIn(d.site, d.copy.barcode()));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() || checkin.isDone());
            try (PreparedStatement s = sweep.prepareStatement("SELECT id FROM copy WHERE id = ? FOR UPDATE")) {
                s.setObject(1, d.copy.copyId());
                s.executeQuery().close();
            }
            sweep.rollback();
            checkin.get(10, TimeUnit.SECONDS).then().statusCode(503).header("Retry-After", "1")
                    .contentType("application/problem+json").body("code", equalTo("busy"));
        } finally {
            desk.shutdownNow();
        }
        assertEquals(lent, loanRow(loanId));
        assertEquals(onLoan, copyRow(d.copy));
        checkIn(d.site, d.copy.barcode()).then().statusCode(200).body("loanId", equalTo(loanId.toString()));
    }

    static Map<String, Object> copyRow(CopySnapshot copy) {
        return Fixtures.row("SELECT * FROM copy WHERE id = ?", copy.copyId());
    }

    static Map<String, Object> loanRow(UUID loanId) {
        return Fixtures.row("SELECT * FROM loan WHERE id = ?", loanId);
    }

    /** An instant as PostgreSQL keeps it: to the microsecond, rounded. */
    static Instant microseconds(Instant t) {
        return t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aSupervisorOverridesABlockWithAReasonAndItIsAudited() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "owes a book"))
                .when().put("/api/v1/patrons/" + d.patronId + "/block").then().statusCode(200);
        Fixtures.supervisor(d.site);
        String loanId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", d.site, "patronBarcode", d.patronBarcode, "itemBarcode", d.copy.barcode(),
                        "overrideReason", "needed for a class project"))
                .when().post("/api/v1/checkouts")
                .then().statusCode(201).body("overrideReason", equalTo("needed for a class project"))
                .extract().path("id");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ? "
                + "AND refusal = 'patron-blocked' AND overridden_by = 'tech." + d.site.toLowerCase() + "'",
                UUID.fromString(loanId)));
    }

    @Test
    void anOverrideReasonOfBlanksIsRefusedNamingItAndChangesNothing() {
        Desk d = desk();
        Fixtures.supervisor(d.site);
        String token = TestTokens.siteStaff(d.site);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "owes a book"))
                .when().put("/api/v1/patrons/" + d.patronId + "/block").then().statusCode(200);
        Map<String, Object> shelved = copyRow(d.copy);
        for (String reason : List.of("   ", " \t\n ", "\u3000\u3000\u3000", "  ok  ", "a b")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", d.site, "patronBarcode", d.patronBarcode, "itemBarcode",
                            d.copy.barcode(), "overrideReason", reason))
                    .when().post("/api/v1/checkouts")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("overrideReason"));
        }
        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", d.copy.copyId()));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM circulation_override WHERE site_code = ?", d.site));
        assertEquals(shelved, copyRow(d.copy));
        // three characters that are not blank, around blanks, are a reason (audited stripped)
        String loanId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", d.site, "patronBarcode", d.patronBarcode, "itemBarcode", d.copy.barcode(),
                        "overrideReason", "  o k  ."))
                .when().post("/api/v1/checkouts").then().statusCode(201).extract().path("id");
        assertEquals(1, Fixtures.count("SELECT count(*) FROM circulation_override WHERE loan_id = ? "
                + "AND reason = 'o k  .'", UUID.fromString(loanId)));
    }

    @Test
    void aRefusalAtAnotherSchoolsDeskKeepsThePatronsRecordToTheirSchool() {
        String home = Fixtures.newSite();
        String desk = Fixtures.newSite();
        String patronBarcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(home, patronBarcode, "STUDENT", "9");
        CopySnapshot here = Fixtures.addCopy(desk, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        CopySnapshot atHome = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String homeStaff = TestTokens.siteStaff(home);
        String deskStaff = TestTokens.siteStaff(desk);
        String note = "broke the Chromebook, parent meeting on Friday";

        // a loan at the other school's desk, before the block, to renew there later
        CopySnapshot renewable = Fixtures.addCopy(desk, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String renewableLoan = checkOut(deskStaff, desk, patronBarcode, renewable.barcode(), null)
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(homeStaff).contentType(ContentType.JSON).body(Map.of("note", note))
                .when().put("/api/v1/patrons/" + patronId + "/block").then().statusCode(200);
        // the other school's technician learns what to do, not the note
        String detail = checkOut(deskStaff, desk, patronBarcode, here.barcode(), null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("patron-blocked"))
                .body("context.overridable", equalTo(true)).extract().path("detail");
        assertFalse(detail.contains(note), detail);
        assertTrue(detail.contains("ask their school library"), detail);
        String renewal = given().auth().oauth2(deskStaff).when().post("/api/v1/loans/" + renewableLoan + "/renewal")
                .then().statusCode(409).body("code", equalTo("patron-blocked")).extract().path("detail");
        assertFalse(renewal.contains(note), renewal);
        // the home school's staff, staff holding both schools and district staff see the note
        for (String token : List.of(homeStaff, TestTokens.siteStaff(home, desk), TestTokens.districtAdmin())) {
            String site = token.equals(homeStaff) ? home : desk;
            String barcode = token.equals(homeStaff) ? atHome.barcode() : here.barcode();
            checkOut(token, site, patronBarcode, barcode, null).then().statusCode(409)
                    .body("code", equalTo("patron-blocked")).body("detail", equalTo("the patron is blocked: " + note));
        }
        given().auth().oauth2(homeStaff).when().post("/api/v1/loans/" + renewableLoan + "/renewal")
                .then().statusCode(409).body("detail", equalTo("the patron is blocked: " + note));

        // fees owed: the amount stays with the home school too
        given().auth().oauth2(homeStaff).when().delete("/api/v1/patrons/" + patronId + "/block")
                .then().statusCode(200);
        given().auth().oauth2(homeStaff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", home, "kind", "DAMAGED", "amount", "37.45", "note", "water damage"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201);
        String owed = checkOut(deskStaff, desk, patronBarcode, here.barcode(), null).then().statusCode(409)
                .body("code", equalTo("fees-owed")).body("context.overridable", equalTo(true))
                .extract().path("detail");
        assertFalse(owed.contains("37.45"), owed);
        assertTrue(owed.contains("ask their school library"), owed);
        checkOut(homeStaff, home, patronBarcode, atHome.barcode(), null).then().statusCode(409)
                .body("code", equalTo("fees-owed")).body("detail", containsString("37.45"));
        checkOut(TestTokens.districtAdmin(), desk, patronBarcode, here.barcode(), null).then().statusCode(409)
                .body("code", equalTo("fees-owed")).body("detail", containsString("37.45"));

        // the supervisor's override still works at the other school's desk
        Fixtures.supervisor(desk);
        given().auth().oauth2(deskStaff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", desk, "patronBarcode", patronBarcode, "itemBarcode", here.barcode(),
                        "overrideReason", "class trip tomorrow"))
                .when().post("/api/v1/checkouts").then().statusCode(201);
    }

    @Test
    void anAccountNotActiveIsNamedOnlyToThePatronsSchool() {
        String home = Fixtures.newSite();
        String desk = Fixtures.newSite();
        String patronBarcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(home, patronBarcode, "STUDENT", "12");
        CopySnapshot here = Fixtures.addCopy(desk, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot atHome = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        CopySnapshot renewable = Fixtures.addCopy(desk, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String deskStaff = TestTokens.siteStaff(desk);
        String renewableLoan = checkOut(deskStaff, desk, patronBarcode, renewable.barcode(), null)
                .then().statusCode(201).extract().path("id");
        update("UPDATE patron SET status = 'GRADUATED' WHERE id = ?", UUID.fromString(patronId));

        // the other school's desk learns what to do, not the account's status
        String detail = checkOut(deskStaff, desk, patronBarcode, here.barcode(), null).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("patron-inactive"))
                .extract().path("detail");
        assertFalse(detail.contains("GRADUATED"), detail);
        assertTrue(detail.contains("ask their school library"), detail);
        String renewal = given().auth().oauth2(deskStaff).when().post("/api/v1/loans/" + renewableLoan + "/renewal")
                .then().statusCode(422).body("code", equalTo("patron-inactive")).extract().path("detail");
        assertFalse(renewal.contains("GRADUATED"), renewal);
        assertTrue(renewal.contains("ask their school library"), renewal);

        // the patron's school and district staff see it
        checkOut(TestTokens.siteStaff(home), home, patronBarcode, atHome.barcode(), null).then().statusCode(422)
                .body("detail", equalTo("the patron's account is GRADUATED"));
        checkOut(TestTokens.districtAdmin(), desk, patronBarcode, here.barcode(), null).then().statusCode(422)
                .body("detail", equalTo("the patron's account is GRADUATED"));
        given().auth().oauth2(TestTokens.siteStaff(home)).when().post("/api/v1/loans/" + renewableLoan + "/renewal")
                .then().statusCode(422).body("detail", equalTo("the patron's account is GRADUATED"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", here.copyId()));
    }

    @Test
    void anotherSchoolsCopyNotOnLoanReturnedHereGoesHomeInTransit() {
        String home = Fixtures.newSite();
        String desk = Fixtures.newSite();
        CopySnapshot copy = Fixtures.addCopy(home, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);

        // found on this school's shelves (its loan closed long ago): accepted and sent home
        checkIn(desk, copy.barcode()).then().statusCode(200).contentType(ContentType.JSON)
                .body("loanId", equalTo(null)).body("nextCopyStatus", equalTo("IN_TRANSIT"))
                .body("routeTo", equalTo(home)).body("holdId", equalTo(null));
        assertEquals("IN_TRANSIT", copyRow(copy).get("circulation_state"));
        assertEquals(home, copyRow(copy).get("in_transit_to"));
        checkIn(home, copy.barcode()).then().statusCode(200).body("nextCopyStatus", equalTo("AVAILABLE"));
        List<EventEnvelope> arrivals = Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, copy.copyId().toString(),
                seen -> seen.size() >= 2);
        assertEquals(List.of("CopyArrived", "CopyArrived"), arrivals.stream().map(EventEnvelope::type).toList());

        // a copy of its own shelf scanned at its own desk is still told to be shelved; an unknown barcode is refused
        checkIn(home, copy.barcode()).then().statusCode(409).body("code", equalTo("not-on-loan"));
        checkIn(desk, Fixtures.unique("NOPE")).then().statusCode(422).body("code", equalTo("unknown-item"));

        // returned at the desk where a patron waits for its title: it fills that hold here
        String reader = Fixtures.unique("P");
        Fixtures.newPatron(desk, reader, "STUDENT", "9");
        String holdId = given().auth().oauth2(TestTokens.siteStaff(desk)).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", reader, "titleId", copy.titleId().toString(), "pickupSite", desk))
                .when().post("/api/v1/holds").then().statusCode(201).extract().path("id");
        checkIn(desk, copy.barcode()).then().statusCode(200)
                .body("nextCopyStatus", equalTo("ON_HOLD_SHELF")).body("holdId", equalTo(holdId));
        checkOut(TestTokens.siteStaff(desk), desk, reader, copy.barcode(), null).then().statusCode(201);
    }

    @Test
    void theLimitOfTheSitePolicyIsEnforced() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> rule = Fixtures.policyRule(d.site, "STUDENT", null, 7);
        rule.put("maxItems", 1);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        CopySnapshot second = Fixtures.addCopy(d.site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String due = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("dueDate");
        assertEquals(LocalDate.now(LA).plusDays(7), Instant.parse(due).atZone(LA).toLocalDate());
        checkOut(token, d.site, d.patronBarcode, second.barcode(), null).then().statusCode(409)
                .body("code", equalTo("limit-reached"));
    }

    @Test
    void tooManyOverdueItemsRefuseTheNextCheckOutAndCountOnlyTheOpenOnes() throws Exception {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        List<CopySnapshot> copies = new ArrayList<>(List.of(d.copy));
        for (int i = 0; i < 3; i++) {
            copies.add(Fixtures.addCopy(d.site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null));
        }
        for (CopySnapshot copy : copies.subList(0, 3)) {
            checkOut(token, d.site, d.patronBarcode, copy.barcode(), null).then().statusCode(201);
        }
        // three loans overdue (the default limit is 3); no overdue notice stage, so nothing blocks by itself
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = now() - interval '2 days' WHERE patron_id = ?")) {
            s.setObject(1, UUID.fromString(d.patronId));
            assertEquals(3, s.executeUpdate());
        }
        checkOut(token, d.site, d.patronBarcode, copies.get(3).barcode(), null).then().statusCode(409)
                .body("code", equalTo("too-many-overdue")).body("context.overridable", equalTo(true));
        // one returned: two overdue are left, under the limit
        checkIn(d.site, copies.get(0).barcode()).then().statusCode(200);
        checkOut(token, d.site, d.patronBarcode, copies.get(3).barcode(), null).then().statusCode(201);
    }

    @Test
    void aDueDateOnAClosedDayMovesToTheNextOpenDay() {
        Desk d = desk();
        LocalDate dueDay = LocalDate.now(LA).plusDays(14);
        given().auth().oauth2(TestTokens.siteStaff(d.site)).when()
                .put("/api/v1/sites/" + d.site + "/closed-days/" + dueDay).then().statusCode(204);
        String due = checkOut(TestTokens.siteStaff(d.site), d.site, d.patronBarcode, d.copy.barcode(), null)
                .then().statusCode(201).extract().path("dueDate");
        assertEquals(dueDay.plusDays(1), Instant.parse(due).atZone(LA).toLocalDate());
    }

    @Test
    void anOverdueReturnIsFinedByThePolicyAndTheFeeBlocksAboveTheLimit() throws Exception {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> rule = Fixtures.policyRule(d.site, null, null, 14);
        rule.put("finePerDay", "2.50");
        rule.put("maxFine", "50.00");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String loanId = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        update("UPDATE loan SET due_at = now() - interval '5 days' WHERE id = ?", UUID.fromString(loanId));

        checkIn(d.site, d.copy.barcode()).then().statusCode(200)
                .body("daysOverdue", equalTo(5)).body("fine", equalTo(12.5f));
        String feeId = given().auth().oauth2(token).when().get("/api/v1/patrons/" + d.patronId + "/fees")
                .then().statusCode(200).body("", hasSize(1)).body("[0].kind", equalTo("OVERDUE"))
                .body("[0].balance", equalTo(12.5f)).extract().path("[0].id");
        String key = keys.of(UUID.fromString(d.patronId));
        EventEnvelope assessed = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, feeId, seen -> !seen.isEmpty()).get(0);
        assertEquals(new FeeAssessed(new FeeSnapshot(UUID.fromString(feeId), key, "STUDENT", "9", d.site, "OVERDUE",
                        new BigDecimal("12.5"), new BigDecimal("12.5"), "OPEN", UUID.fromString(loanId),
                        d.copy.copyId(), "BOOK")),
                EventJson.payload(assessed, FeeAssessed.class));
        LoanClosed closed = EventJson.payload(Fixtures.awaitEvents(Topics.CIRCULATION_LOANS, loanId,
                seen -> seen.size() >= 2).get(1), LoanClosed.class);
        assertEquals(key, closed.loan().patronKey());
        assertEquals("AVAILABLE", closed.nextCopyStatus());
        assertFalse(closed.patronForgotten());
        // the fee is open: the loan keeps its patron until it is settled
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId)
                .then().body("patronId", equalTo(d.patronId));

        checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(409)
                .body("code", equalTo("fees-owed"));

        // paid in full: the closed loan no longer names the patron (privacy), the fee ledger keeps the payment
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"amount\": 12.50, \"method\": \"CASH\", \"siteCode\": \"" + d.site + "\"}")
                .when().post("/api/v1/patrons/" + d.patronId + "/payments").then().statusCode(201)
                .body("balance", equalTo(0.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId)
                .then().body("patronId", equalTo(null));
        checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201);
    }

    @Test
    void anOverdueReturnWhileAnotherDeskChangesThePatronIsFinedNotRefused() throws Exception {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> rule = Fixtures.policyRule(d.site, null, null, 14);
        rule.put("finePerDay", "1.00");
        rule.put("maxFine", "50.00");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        String loanId = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        update("UPDATE loan SET due_at = now() - interval '3 days' WHERE id = ?", UUID.fromString(loanId));

        // another desk's payment holds the patron's row, changed and not yet committed, while the item is returned
        ExecutorService desk = Executors.newSingleThreadExecutor();
        try (Connection payment = db.getConnection()) {
            payment.setAutoCommit(false);
            try (PreparedStatement s = payment.prepareStatement(
                    "UPDATE patron SET version = version + 1, updated_at = now() WHERE id = ?")) {
                s.setObject(1, UUID.fromString(d.patronId));
                assertEquals(1, s.executeUpdate());
            }
            Future<Response> checkin = desk.submit(() -> checkIn(d.site, d.copy.barcode()));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() || checkin.isDone());
            payment.commit();
            // the check-in waited for the payment and then fined the patron as it found them
            checkin.get(10, TimeUnit.SECONDS).then().statusCode(200)
                    .body("daysOverdue", equalTo(3)).body("fine", equalTo(3.0f));
        } finally {
            desk.shutdownNow();
        }
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + d.patronId)
                .then().statusCode(200).body("feeBalance", equalTo(3.0f));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId)
                .then().statusCode(200).body("returnedAt", notNullValue());
    }

    private boolean waitingOnALock() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    @Test
    void renewalsFollowThePolicyOneOrAll() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> rule = Fixtures.policyRule(d.site, null, null, 10);
        rule.put("renewalsAllowed", 1);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        CopySnapshot second = Fixtures.addCopy(d.site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String first = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        checkOut(token, d.site, d.patronBarcode, second.barcode(), null).then().statusCode(201);
        update("UPDATE loan SET due_at = now() + interval '1 day' WHERE id = ?", UUID.fromString(first));

        String renewedDue = given().auth().oauth2(token).when().post("/api/v1/loans/" + first + "/renewal")
                .then().statusCode(200).body("renewals", equalTo(1)).extract().path("dueDate");
        assertEquals(LocalDate.now(LA).plusDays(10), Instant.parse(renewedDue).atZone(LA).toLocalDate());
        given().auth().oauth2(token).when().post("/api/v1/loans/" + first + "/renewal")
                .then().statusCode(409).body("code", equalTo("renewals-exhausted"));

        given().auth().oauth2(token).when().post("/api/v1/patrons/" + d.patronId + "/loans/renewals")
                .then().statusCode(200).body("", hasSize(2))
                .body("find { it.loanId == '" + first + "' }.renewed", equalTo(false))
                .body("find { it.loanId != '" + first + "' }.renewed", equalTo(true));
        given().auth().oauth2(TestTokens.siteStaff(Fixtures.newSite()))
                .when().post("/api/v1/patrons/" + d.patronId + "/loans/renewals").then().statusCode(403);
    }

    @Test
    void anOverdueLoanRenewedIsChargedTheFineItAccruedAsItsReturnWouldBe() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        Map<String, Object> rule = Fixtures.policyRule(d.site, null, null, 14);
        rule.put("finePerDay", "1.00");
        rule.put("maxFine", "10.00");
        rule.put("graceDays", 1);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(rule).when().post("/api/v1/policies")
                .then().statusCode(201);
        CopySnapshot second = Fixtures.addCopy(d.site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String first = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        String other = checkOut(token, d.site, d.patronBarcode, second.barcode(), null).then().statusCode(201)
                .extract().path("id");
        update("UPDATE loan SET due_at = now() - interval '5 days' WHERE id = ?", UUID.fromString(first));
        update("UPDATE loan SET due_at = now() - interval '3 days' WHERE id = ?", UUID.fromString(other));
        // a closed day while late is not counted, as at a check-in
        given().auth().oauth2(token).when()
                .put("/api/v1/sites/" + d.site + "/closed-days/" + LocalDate.now(LA).minusDays(2))
                .then().statusCode(204);

        // 5 days late, one of them closed: 4 days past the 1 grace day, 4.00
        String due = given().auth().oauth2(token).when().post("/api/v1/loans/" + first + "/renewal")
                .then().statusCode(200).body("renewals", equalTo(1)).extract().path("dueDate");
        assertTrue(Instant.parse(due).isAfter(Instant.now().plus(Duration.ofDays(13))));
        // renewed with all the patron's loans: 3 days late, one closed, 2.00 (the first is not renewed again)
        given().auth().oauth2(token).when().post("/api/v1/patrons/" + d.patronId + "/loans/renewals")
                .then().statusCode(200)
                .body("find { it.loanId == '" + first + "' }.renewed", equalTo(false))
                .body("find { it.loanId == '" + other + "' }.renewed", equalTo(true));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + d.patronId + "/fees")
                .then().statusCode(200).body("", hasSize(2)).body("kind", everyItem(equalTo("OVERDUE")))
                .body("find { it.loanId == '" + first + "' }.amount", equalTo(4.0f))
                .body("find { it.loanId == '" + other + "' }.amount", equalTo(2.0f));
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + d.patronId)
                .then().body("feeBalance", equalTo(6.0f));

        // returned now, due again later: the days fined at the renewal are not fined twice
        checkIn(d.site, d.copy.barcode()).then().statusCode(200).body("fine", equalTo(0.0f));
    }

    @Test
    void aRenewalRefusesAPatronNotActiveOrBlockedAsACheckOutDoes() {
        Desk d = desk();
        String token = TestTokens.siteStaff(d.site);
        String loanId = checkOut(token, d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201)
                .extract().path("id");
        update("UPDATE patron SET status = 'GRADUATED' WHERE id = ?", UUID.fromString(d.patronId));
        given().auth().oauth2(token).when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("patron-inactive"));
        given().auth().oauth2(token).when().post("/api/v1/patrons/" + d.patronId + "/loans/renewals")
                .then().statusCode(200).body("[0].renewed", equalTo(false))
                .body("[0].refusal", equalTo("patron-inactive"));

        update("UPDATE patron SET status = 'ACTIVE' WHERE id = ?", UUID.fromString(d.patronId));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("note", "lost the library's laptop"))
                .when().put("/api/v1/patrons/" + d.patronId + "/block").then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/v1/loans/" + loanId + "/renewal")
                .then().statusCode(409).body("code", equalTo("patron-blocked"))
                .body("context.overridable", equalTo(false));
        given().auth().oauth2(token).when().get("/api/v1/loans/" + loanId).then().body("renewals", equalTo(0));
    }

    @Test
    void perRoleTheDeskIsForStaffOfTheSite() {
        Desk d = desk();
        checkOut(TestTokens.student(d.site), d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(403);
        checkOut(TestTokens.siteStaff("ELSEWHERE"), d.site, d.patronBarcode, d.copy.barcode(), null)
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("siteCode", d.site)).when().post("/api/v1/checkouts")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.siteStaff(d.site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", d.site, "patronBarcode", d.patronBarcode))
                .when().post("/api/v1/checkouts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("itemBarcode"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", d.copy.copyId()));
        checkOut(TestTokens.districtAdmin(), d.site, d.patronBarcode, d.copy.barcode(), null).then().statusCode(201);
    }

    @Test
    void aWithdrawnOrMissingCopyIsNotAvailable() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "TEACHER", null);
        String barcode = Fixtures.unique("C");
        CopySnapshot copy = Fixtures.addCopy(site, barcode, UUID.randomUUID(), "BOOK", null);
        CopySnapshot missing = new CopySnapshot(copy.copyId(), barcode, copy.titleId(), copy.title(), null, site,
                "MISSING", "BOOK", "BOOK", null, null, null, null, null, null, null, null, null, null);
        Fixtures.send(EventJson.envelope("catalog-service", site, copy.copyId().toString(),
                new org.lrms.events.catalog.CopyStatusChanged(missing, "AVAILABLE", "inventory")));
        // the replica shows the copy missing first: a check-out tried before the event arrived would lend it
        await().atMost(Duration.ofSeconds(30)).until(() -> "MISSING".equals(given().auth()
                .oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode).path("catalogStatus")));
        checkOut(TestTokens.siteStaff(site), site, patron, barcode, null).then().statusCode(409)
                .body("code", equalTo("item-not-available"));

        // found at another school, where a patron waits for its title: no hold takes it; the desk is told its school
        String desk = Fixtures.newSite();
        String reader = Fixtures.unique("P");
        Fixtures.newPatron(desk, reader, "STUDENT", "9");
        given().auth().oauth2(TestTokens.siteStaff(desk)).contentType(ContentType.JSON)
                .body(Map.of("patronBarcode", reader, "titleId", copy.titleId().toString(), "pickupSite", desk))
                .when().post("/api/v1/holds").then().statusCode(201);
        checkIn(desk, barcode).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("item-not-available")).body("context.itemSite", equalTo(site))
                .body("detail", containsString("MISSING"));
        assertEquals("AVAILABLE", copyRow(copy).get("circulation_state"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM hold WHERE assigned_copy_id = ?", copy.copyId()));
    }

    void update(String sql, Object param) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
