package org.lrms.events.acquisitions;

import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemsReceivedTest {

    @Test
    void aReceiptLineRoundTripsWithItsExactPriceAndDate() {
        ItemsReceived line = new ItemsReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "Follett", "LIB-GEN", "LHS", ItemsReceived.LIBRARY, 3, new BigDecimal("19.99"),
                "USD", LocalDate.of(2026, 9, 1), new OrderedTitle(null, "Holes", List.of("Sachar, Louis"),
                List.of("0440414806"), "Yearling", 2000, "BOOK"), List.of());
        EventEnvelope envelope = EventJson.envelope("acquisitions-service", "LHS", line.receiptId().toString(), line);
        assertEquals("ItemsReceived", envelope.type());
        String json = EventJson.write(envelope);
        assertTrue(json.contains("\"receivedOn\":\"2026-09-01\""), json);
        ItemsReceived read = EventJson.payload(EventJson.read(json), ItemsReceived.class);
        assertEquals(line, read);
        assertEquals(new BigDecimal("19.99"), read.unitPrice());
    }

    @Test
    void aLineOrderedFromTheCatalogNeedsOnlyTheTitleId() {
        UUID titleId = UUID.randomUUID();
        String json = """
                {"eventId":"%s","type":"ItemsReceived","version":1,"occurredAt":"2026-09-01T08:00:00Z",
                 "source":"acquisitions-service","siteCode":"RMS","aggregateId":"r-1",
                 "payload":{"receiptId":"%s","receiptLineId":"%s","siteCode":"RMS","lineKind":"TEXTBOOK",
                            "quantity":30,"unitPrice":64.5,"title":{"titleId":"%s"}}}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), titleId);
        ItemsReceived read = EventJson.payload(EventJson.read(json), ItemsReceived.class);
        assertEquals(titleId, read.title().titleId());
        assertEquals(ItemsReceived.TEXTBOOK, read.lineKind());
        assertEquals(0, new BigDecimal("64.50").compareTo(read.unitPrice()));
        assertNull(read.barcodes());
    }
}
