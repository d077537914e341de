package org.lrms.catalog.hold;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.events.circulation.HoldExpired;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldPlaced;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HoldEventsTest {

    static final String HOLDS = "catalog-holds";
    static final String LOANS = "catalog-loans";

    @Test
    void aCopySetAsideShowsOnTheHoldShelfAndGoesBackWhenTheHoldExpires() {
        String site = CatalogFixtures.site("LHS");
        String titleId = CatalogFixtures.title("Hatchet");
        String barcode = CatalogFixtures.copy(titleId, site);
        UUID copyId = UUID.fromString(copy(barcode, "id"));
        UUID holdId = UUID.randomUUID();
        Instant t = Instant.now();

        send(hold(holdId, new HoldPlaced(snapshot(holdId, titleId, site, "WAITING")), t));
        EventEnvelope filled = hold(holdId, new HoldFilled(snapshot(holdId, titleId, site, "ON_SHELF"), barcode, site),
                t.plusSeconds(1));
        send(filled);
        awaitStatus(barcode, "ON_HOLD_SHELF");
        EventEnvelope published = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId.toString(),
                e -> e.type().equals("CopyStatusChanged")
                        && EventJson.payload(e, CopyStatusChanged.class).copy().status().equals("ON_HOLD_SHELF"));
        CopyStatusChanged change = EventJson.payload(published, CopyStatusChanged.class);
        assertEquals("AVAILABLE", change.previousStatus());
        assertTrue(change.reason().contains("hold shelf"), change.reason());

        send(hold(holdId, new HoldExpired(snapshot(holdId, titleId, site, "EXPIRED")), t.plusSeconds(2)));
        awaitStatus(barcode, "AVAILABLE");
        CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId.toString(), e -> e.type().equals("CopyStatusChanged")
                && "hold expired".equals(EventJson.payload(e, CopyStatusChanged.class).reason()));

        // the same HoldFilled delivered again changes nothing; a later event on the same key shows it was handled
        send(filled);
        EventEnvelope marker = hold(holdId, new HoldExpired(snapshot(holdId, titleId, site, "EXPIRED")),
                t.plusSeconds(3));
        send(marker);
        CatalogFixtures.awaitProcessed(HOLDS, marker.eventId());
        assertEquals("AVAILABLE", copy(barcode, "status"));
    }

    @Test
    void aCopyTravelsToAnotherSchoolsHoldShelfAndHomeWhenTheHoldIsCancelled() {
        String home = CatalogFixtures.site("LHS");
        String pickup = CatalogFixtures.site("RMS");
        String titleId = CatalogFixtures.title("Wonder");
        String barcode = CatalogFixtures.copy(titleId, home);
        UUID holdId = UUID.randomUUID();
        Instant t = Instant.now();

        send(hold(holdId, new HoldFilled(snapshot(holdId, titleId, pickup, "IN_TRANSIT"), barcode, home), t));
        awaitStatus(barcode, "IN_TRANSIT");
        assertEquals(pickup, copy(barcode, "destinationSiteCode"));
        assertEquals(home, copy(barcode, "siteCode"), "it still belongs to its school");
        // the pickup site checks it in at the circulation desk; receiving it in the catalog would move it for good
        given().auth().oauth2(TestTokens.siteStaff(pickup)).post("/api/v1/copies/" + barcode + "/receive")
                .then().statusCode(409).body("code", equalTo("copy-travels-for-hold"));

        send(hold(holdId, new HoldFilled(snapshot(holdId, titleId, pickup, "ON_SHELF"), barcode, home),
                t.plusSeconds(1)));
        awaitStatus(barcode, "ON_HOLD_SHELF");
        assertNull(copy(barcode, "destinationSiteCode"));

        send(hold(holdId, new HoldExpired(snapshot(holdId, titleId, pickup, "CANCELLED")), t.plusSeconds(2)));
        awaitStatus(barcode, "IN_TRANSIT");
        assertEquals(home, copy(barcode, "destinationSiteCode"), "back to its own school");
        given().auth().oauth2(TestTokens.siteStaff(home)).post("/api/v1/copies/" + barcode + "/receive")
                .then().statusCode(200).body("status", equalTo("AVAILABLE")).body("siteCode", equalTo(home));
    }

    @Test
    void aLateHoldFilledNeverUndoesTheHoldersLoan() {
        String site = CatalogFixtures.site("LHS");
        String titleId = CatalogFixtures.title("Number the Stars");
        String barcode = CatalogFixtures.copy(titleId, site);
        UUID copyId = UUID.fromString(copy(barcode, "id"));
        UUID holdId = UUID.randomUUID();
        Instant t = Instant.now();
        LoanSnapshot loan = new LoanSnapshot(UUID.randomUUID(), copyId, barcode, UUID.fromString(titleId), site,
                "p-77", "STUDENT", "6", "BOOK", "REGULAR", null, t.plusSeconds(60), t.plusSeconds(86400), 0);

        // the holder picked it up a minute after it was set aside, but the loan arrives first
        send(Topics.CIRCULATION_LOANS, at(EventJson.envelope("circulation-service", site, loan.loanId().toString(),
                new LoanCreated(loan, null)), t.plusSeconds(60)));
        awaitStatus(barcode, "CHECKED_OUT");
        EventEnvelope late = hold(holdId, new HoldFilled(snapshot(holdId, titleId, site, "ON_SHELF"), barcode, site), t);
        send(late);
        CatalogFixtures.awaitProcessed(HOLDS, late.eventId());
        assertEquals("CHECKED_OUT", copy(barcode, "status"));

        // an older loan closing (another loan, another key) does not undo it either
        LoanSnapshot older = new LoanSnapshot(UUID.randomUUID(), copyId, barcode, UUID.fromString(titleId), site,
                "p-12", "STUDENT", "6", "BOOK", "REGULAR", null, t.minusSeconds(3600), t, 0);
        EventEnvelope closed = at(EventJson.envelope("circulation-service", site, older.loanId().toString(),
                new LoanClosed(older, t.minusSeconds(30), site, "AVAILABLE")), t.minusSeconds(30));
        send(Topics.CIRCULATION_LOANS, closed);
        CatalogFixtures.awaitProcessed(LOANS, closed.eventId());
        assertEquals("CHECKED_OUT", copy(barcode, "status"));
    }

    @Test
    void aLateHoldFilledNamesTheHoldOfTheCheckInAndTheEndOfAnOldHoldNeverReleasesTheNextOne() {
        String site = CatalogFixtures.site("LHS");
        String titleId = CatalogFixtures.title("Holes");
        String barcode = CatalogFixtures.copy(titleId, site);
        UUID copyId = UUID.fromString(copy(barcode, "id"));
        UUID holdA = UUID.randomUUID();
        UUID holdB = UUID.randomUUID();
        Instant t = Instant.now();
        LoanSnapshot loan = new LoanSnapshot(UUID.randomUUID(), copyId, barcode, UUID.fromString(titleId), site,
                "p-5", "STUDENT", "6", "BOOK", "REGULAR", null, t, t.plusSeconds(86400), 0);
        send(Topics.CIRCULATION_LOANS, at(EventJson.envelope("circulation-service", site, loan.loanId().toString(),
                new LoanCreated(loan, null)), t));
        awaitStatus(barcode, "CHECKED_OUT");

        // one check-in writes HoldFilled(A), then LoanClosed(ON_HOLD_SHELF) a moment later; the loan arrives first
        Instant checkIn = t.plusSeconds(100);
        EventEnvelope closed = at(EventJson.envelope("circulation-service", site, loan.loanId().toString(),
                new LoanClosed(loan, checkIn, site, "ON_HOLD_SHELF")), checkIn.plusMillis(1));
        send(Topics.CIRCULATION_LOANS, closed);
        awaitStatus(barcode, "ON_HOLD_SHELF");
        EventEnvelope filledA = hold(holdA, new HoldFilled(snapshot(holdA, titleId, site, "ON_SHELF"), barcode, site),
                checkIn);
        send(filledA);
        CatalogFixtures.awaitProcessed(HOLDS, filledA.eventId());
        assertEquals("ON_HOLD_SHELF", copy(barcode, "status"));
        // A's set-aside was learnt from its late HoldFilled: A's expiry releases the copy
        send(hold(holdA, new HoldExpired(snapshot(holdA, titleId, site, "EXPIRED")), t.plusSeconds(150)));
        awaitStatus(barcode, "AVAILABLE");

        // set aside for C; when C's shelf time is over circulation expires C and sets the copy aside for B in one
        // go; B's HoldFilled arrives first
        UUID holdC = UUID.randomUUID();
        send(hold(holdC, new HoldFilled(snapshot(holdC, titleId, site, "ON_SHELF"), barcode, site),
                t.plusSeconds(160)));
        awaitStatus(barcode, "ON_HOLD_SHELF");
        Instant expiry = t.plusSeconds(200);
        EventEnvelope filledB = hold(holdB, new HoldFilled(snapshot(holdB, titleId, site, "ON_SHELF"), barcode, site),
                expiry.plusMillis(1));
        EventEnvelope expiredC = hold(holdC, new HoldExpired(snapshot(holdC, titleId, site, "EXPIRED")), expiry);
        send(filledB);
        CatalogFixtures.awaitProcessed(HOLDS, filledB.eventId());
        send(expiredC);
        CatalogFixtures.awaitProcessed(HOLDS, expiredC.eventId());
        assertEquals("ON_HOLD_SHELF", copy(barcode, "status"), "still set aside, now for B");

        // B expires with nobody next: the copy is released
        send(hold(holdB, new HoldExpired(snapshot(holdB, titleId, site, "EXPIRED")), t.plusSeconds(300)));
        awaitStatus(barcode, "AVAILABLE");
    }

    @Test
    void anUnreadableHoldEventGoesToTheDeadLetterTopic() {
        String badKey = "bad-" + UUID.randomUUID();
        TestKafka.send(Topics.CIRCULATION_HOLDS, badKey, "{not json");
        UUID holdId = UUID.randomUUID();
        EventEnvelope unknownItem = hold(holdId, new HoldFilled(snapshot(holdId, UUID.randomUUID().toString(), "LHS",
                "ON_SHELF"), "NO-SUCH-ITEM", "LHS"), Instant.now());
        send(unknownItem);
        List<ConsumerRecord<String, String>> dead = CatalogFixtures.awaitRecords(
                Topics.deadLetter(Topics.CIRCULATION_HOLDS), badKey);
        assertEquals("{not json", dead.get(0).value());
        ConsumerRecord<String, String> noItem = CatalogFixtures.awaitRecords(
                Topics.deadLetter(Topics.CIRCULATION_HOLDS), holdId.toString()).get(0);
        assertTrue(CatalogFixtures.header(noItem, "dead-letter-reason").contains("NO-SUCH-ITEM"),
                CatalogFixtures.header(noItem, "dead-letter-reason"));
    }

    private static HoldSnapshot snapshot(UUID holdId, String titleId, String pickup, String status) {
        return new HoldSnapshot(holdId, UUID.fromString(titleId), null, "pk-1", "STUDENT", "6", pickup, status,
                Instant.now(), "ON_SHELF".equals(status) ? LocalDate.now().plusDays(5) : null);
    }

    private static EventEnvelope hold(UUID holdId, Object payload, Instant occurredAt) {
        return at(EventJson.envelope("circulation-service", "LHS", holdId.toString(), payload), occurredAt);
    }

    private static EventEnvelope at(EventEnvelope e, Instant occurredAt) {
        return new EventEnvelope(e.eventId(), e.type(), e.version(), occurredAt, e.source(), e.siteCode(),
                e.aggregateId(), e.payload());
    }

    private static void send(EventEnvelope holdEvent) {
        send(Topics.CIRCULATION_HOLDS, holdEvent);
    }

    private static void send(String topic, EventEnvelope envelope) {
        TestKafka.send(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    private static String copy(String barcode, String field) {
        return given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/copies/" + barcode)
                .then().statusCode(200).extract().path(field);
    }

    private static void awaitStatus(String barcode, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(copy(barcode, "status")));
    }
}
