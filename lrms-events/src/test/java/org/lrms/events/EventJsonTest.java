package org.lrms.events;

import org.junit.jupiter.api.Test;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.circulation.SiteUpserted;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {

    private static final TitleSnapshot HOLES = new TitleSnapshot(UUID.randomUUID(), "Holes", null,
            List.of("Louis Sachar"), List.of("9780440414803"), "Yearling", 2000, "BOOK", "FIC", null, "eng",
            List.of("Juvenile fiction"), null, null);

    @Test
    void envelopeTakesTypeAndVersionFromThePayloadRecord() {
        EventEnvelope envelope = EventJson.envelope("catalog-service", null, HOLES.titleId().toString(),
                new TitleCreated(HOLES));
        assertEquals("TitleCreated", envelope.type());
        assertEquals(1, envelope.version());
        assertEquals("catalog-service", envelope.source());
        assertEquals(HOLES.titleId().toString(), envelope.aggregateId());
    }

    @Test
    void envelopeRoundTripsThroughJson() {
        EventEnvelope envelope = EventJson.envelope("circulation-service", "LHS", "LHS",
                new SiteUpserted("LHS", "Lincoln High School", "HIGH", "org-1", true));
        String json = EventJson.write(envelope);
        EventEnvelope read = EventJson.read(json);
        assertEquals(envelope.eventId(), read.eventId());
        assertEquals(envelope.occurredAt(), read.occurredAt());
        assertEquals("LHS", read.siteCode());
        SiteUpserted site = EventJson.payload(read, SiteUpserted.class);
        assertEquals("Lincoln High School", site.name());
        assertTrue(site.active());
        assertTrue(json.contains("\"occurredAt\":\"20"), "instants are written as ISO-8601 text: " + json);
    }

    @Test
    void everyEnvelopeGetsItsOwnEventId() {
        TitleCreated payload = new TitleCreated(HOLES);
        assertNotEquals(EventJson.envelope("s", null, "k", payload).eventId(),
                EventJson.envelope("s", null, "k", payload).eventId());
    }

    @Test
    void unknownPayloadFieldsAreIgnoredSoProducersCanAddOptionalFields() {
        String json = """
                {"eventId":"%s","type":"SiteUpserted","version":1,"occurredAt":"2026-09-01T08:00:00Z",
                 "source":"circulation-service","siteCode":"RMS","aggregateId":"RMS",
                 "payload":{"siteCode":"RMS","name":"Roosevelt Middle","siteType":"MIDDLE","active":true,
                            "someFutureField":42}}
                """.formatted(UUID.randomUUID());
        SiteUpserted site = EventJson.payload(EventJson.read(json), SiteUpserted.class);
        assertEquals("RMS", site.siteCode());
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsUnreadableWithAReason() {
        UnreadableEventException notJson = assertThrows(UnreadableEventException.class, () -> EventJson.read("{oops"));
        assertFalse(notJson.getMessage().isBlank());
        assertThrows(UnreadableEventException.class, () -> EventJson.read(""));
        assertThrows(UnreadableEventException.class, () -> EventJson.read(null));
        UnreadableEventException missingId = assertThrows(UnreadableEventException.class,
                () -> EventJson.read("{\"type\":\"TitleCreated\",\"version\":1}"));
        assertTrue(missingId.getMessage().contains("eventId"), missingId.getMessage());
    }

    @Test
    void deadLetterTopicSitsBesideItsTopic() {
        assertEquals("catalog.copies.v1.dlt", Topics.deadLetter(Topics.CATALOG_COPIES));
    }

    @Test
    void aTextbookChargeKeepsItsExactAmountThroughJson() {
        UUID charge = UUID.randomUUID();
        EventEnvelope envelope = EventJson.envelope("textbook-service", "LHS", charge.toString(),
                new org.lrms.events.textbook.TextbookChargeRequested(charge, UUID.randomUUID(), "LHS", "LOST",
                        new java.math.BigDecimal("64.10"), "Algebra 1", "9780133281149", "T0001", "not returned",
                        java.time.Instant.parse("2026-06-10T15:00:00Z")));
        EventEnvelope read = EventJson.read(EventJson.write(envelope));
        assertEquals("TextbookChargeRequested", read.type());
        org.lrms.events.textbook.TextbookChargeRequested payload = EventJson.payload(read,
                org.lrms.events.textbook.TextbookChargeRequested.class);
        assertEquals(0, new java.math.BigDecimal("64.10").compareTo(payload.amount()), "amount " + payload.amount());
        assertEquals(charge, payload.chargeId());
    }
}
