package org.lrms.events.catalog;

import org.junit.jupiter.api.Test;
import org.lrms.events.EventJson;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InventoryFinishedTest {

    @Test
    void theLaterCountsRoundTrip() {
        InventoryFinished finished = new InventoryFinished(UUID.randomUUID(), "LHS", "whole site LHS",
                Instant.parse("2026-09-01T15:00:00Z"), Instant.parse("2026-09-02T15:00:00Z"), 10, 9, 1, 2, 3,
                4L, 5L, 6L, 7L);
        String json = EventJson.write(EventJson.envelope("catalog-service", "LHS",
                finished.inventoryId().toString(), finished));
        assertEquals(finished, EventJson.payload(EventJson.read(json), InventoryFinished.class));
    }

    @Test
    void anEventPublishedBeforeTheLaterCountsReadsThemAsNotCounted() {
        UUID id = UUID.randomUUID();
        String json = """
                {"eventId":"%s","type":"InventoryFinished","version":1,"occurredAt":"2026-09-02T15:00:00Z",
                 "source":"catalog-service","siteCode":"LHS","aggregateId":"%s",
                 "payload":{"inventoryId":"%s","siteCode":"LHS","scopeDescription":"whole site LHS",
                            "startedAt":"2026-09-01T15:00:00Z","finishedAt":"2026-09-02T15:00:00Z",
                            "copiesInScope":10,"scanned":9,"missing":1,"found":2,"misplaced":3}}
                """.formatted(UUID.randomUUID(), id, id);
        InventoryFinished read = EventJson.payload(EventJson.read(json), InventoryFinished.class);
        assertEquals(new InventoryFinished(id, "LHS", "whole site LHS", Instant.parse("2026-09-01T15:00:00Z"),
                Instant.parse("2026-09-02T15:00:00Z"), 10, 9, 1, 2, 3), read);
        assertNull(read.notChecked());
        assertNull(read.copiesSkipped());
    }
}
