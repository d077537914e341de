package org.lrms.circulation.copy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.testkit.TestTokens;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CopyReplicaTest {

    @Inject
    EntityManager em;

    @Inject
    CatalogCopyEvents consumer;

    @Test
    void copyEventsKeepTheLocalReplica() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("C");
        CopySnapshot copy = Fixtures.addCopy(site, barcode, UUID.randomUUID(), "BOOK", "12.50");
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("siteCode", equalTo(site)).body("price", equalTo(12.50f))
                .body("circulationState", equalTo("AVAILABLE"));

        CopySnapshot missing = new CopySnapshot(copy.copyId(), barcode, copy.titleId(), copy.title(), copy.author(),
                site, "MISSING", "BOOK", "BOOK", "FIC", null, null, copy.price(), null, null, null, null, null, null);
        Fixtures.send(EventJson.envelope("catalog-service", site, copy.copyId().toString(),
                new CopyStatusChanged(missing, "AVAILABLE", "inventory")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "MISSING".equals(given().auth()
                .oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode).path("catalogStatus")));
    }

    @Test
    void theCatalogsEchoOfALoanCostsNoTransactionAndAStaffStatusStillArrives() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("C");
        CopySnapshot copy = Fixtures.addCopy(site, barcode, UUID.randomUUID(), "BOOK", "8.00");
        EventEnvelope echo = EventJson.envelope("catalog-service", site, copy.copyId().toString(),
                new CopyStatusChanged(withStatus(copy, "CHECKED_OUT"), "AVAILABLE", "checked out"));
        EventEnvelope damaged = EventJson.envelope("catalog-service", site, copy.copyId().toString(),
                new CopyStatusChanged(withStatus(copy, "DAMAGED"), "CHECKED_OUT", "staff"));
        Fixtures.send(echo);
        Fixtures.send(damaged);   // same key, so it is consumed after the echo
        await().atMost(Duration.ofSeconds(30)).until(() -> "DAMAGED".equals(given().auth()
                .oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode).path("catalogStatus")));
        assertEquals(0L, processedCount(echo.eventId()), "the echo is skipped before any database work");
        assertEquals(1L, processedCount(damaged.eventId()));
    }

    private long processedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static CopySnapshot withStatus(CopySnapshot c, String status) {
        return new CopySnapshot(c.copyId(), c.barcode(), c.titleId(), c.title(), c.author(), c.siteCode(), status,
                c.circulationType(), c.materialType(), c.deweyNumber(), c.callNumber(), c.shelfLocation(), c.price(),
                c.acquiredOn(), c.fundingSource(), c.condition(), c.categories(), c.publicationYear(), c.shelfKey());
    }

    /**
     * The consumer reads the copy unlocked and writes it at its commit: a check-out committed in between must stay.
     * Here its read is taken (in the consumer's transaction) before the check-out, and its write after.
     */
    @Test
    void aCatalogUpdateReadBeforeACheckOutAndWrittenAfterItNeverUndoesTheLoan() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        String barcode = Fixtures.unique("C");
        CopySnapshot copy = Fixtures.addCopy(site, barcode, UUID.randomUUID(), "BOOK", "12.50");
        CopySnapshot retitled = new CopySnapshot(copy.copyId(), barcode, copy.titleId(), "Holes (revised)",
                copy.author(), site, "AVAILABLE", "BOOK", "BOOK", "FIC", copy.callNumber(), copy.shelfLocation(),
                copy.price(), copy.acquiredOn(), copy.fundingSource(), copy.condition(), copy.categories(),
                copy.publicationYear(), copy.shelfKey());
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(Copy.AVAILABLE, Copy.<Copy>findById(copy.copyId()).circulationState, "the consumer's read");
            given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", site, "patronBarcode", patron, "itemBarcode", barcode))
                    .when().post("/api/v1/checkouts").then().statusCode(201);
            consumer.onCopyEvent(EventJson.write(EventJson.envelope("catalog-service", site,
                    copy.copyId().toString(), new CopyUpdated(retitled))));
        });
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("circulationState", equalTo("CHECKED_OUT"))
                .body("title", equalTo("Holes (revised)"));
    }

    @Test
    void aRedeliveredEventChangesNothingMore() {
        String site = Fixtures.newSite();
        String barcode = Fixtures.unique("C");
        CopySnapshot copy = Fixtures.copy(site, barcode, UUID.randomUUID(), "BOOK", "5.00");
        EventEnvelope withdrawn = EventJson.envelope("catalog-service", site, copy.copyId().toString(),
                new CopyWithdrawn(copy, "worn", "recycle", null));
        Fixtures.send(withdrawn);
        Fixtures.send(withdrawn);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/copies/" + barcode).statusCode() == 200);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode)
                .then().body("catalogStatus", equalTo("AVAILABLE"));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String marker = Fixtures.unique("garbage-");
        Fixtures.sendRaw("k-" + marker, "{not json " + marker);
        ConsumerRecord<String, String> dead = Fixtures.awaitRecords(Topics.deadLetter(Topics.CATALOG_COPIES), marker)
                .get(0);
        assertEquals("k-" + marker, dead.key());

        String site = Fixtures.newSite();
        Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
    }
}
