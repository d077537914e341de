package org.lrms.events.catalog;

import org.lrms.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * An inventory finished, with its counts. {@code copiesSkipped}, {@code notChecked}, {@code scannedOnLoan} and
 * {@code unknownBarcodes} came later (still version 1): {@code null} in events published before them, so a consumer
 * tells "not counted then" from zero.
 */
@EventType(name = "InventoryFinished")
public record InventoryFinished(UUID inventoryId, String siteCode, String scopeDescription, Instant startedAt,
                                Instant finishedAt, long copiesInScope, long scanned, long missing, long found,
                                long misplaced, Long copiesSkipped, Long notChecked, Long scannedOnLoan,
                                Long unknownBarcodes) {

    /** The event as it was first published, without the later counts. */
    public InventoryFinished(UUID inventoryId, String siteCode, String scopeDescription, Instant startedAt,
                             Instant finishedAt, long copiesInScope, long scanned, long missing, long found,
                             long misplaced) {
        this(inventoryId, siteCode, scopeDescription, startedAt, finishedAt, copiesInScope, scanned, missing, found,
                misplaced, null, null, null, null);
    }
}
