package org.lrms.events.catalog;

import org.lrms.events.EventType;

import java.time.Instant;
import java.util.UUID;

@EventType(name = "InventoryFinished")
public record InventoryFinished(UUID inventoryId, String siteCode, String scopeDescription, Instant startedAt,
                                Instant finishedAt, long copiesInScope, long scanned, long missing, long found,
                                long misplaced) {
}
