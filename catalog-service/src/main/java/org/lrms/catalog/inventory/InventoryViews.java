package org.lrms.catalog.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers of the inventory API. */
public final class InventoryViews {

    private InventoryViews() {
    }

    public record InventoryView(UUID id, String siteCode, String status, String scope, String callNumberFrom,
                                String callNumberTo, String circulationType, String shelfLocation,
                                Instant skipSeenSince, Instant startedAt, Instant finishedAt, long copiesInScope,
                                long scanned, long missing, long found, long misplaced) {

        static InventoryView of(Inventory i, long scannedSoFar) {
            return new InventoryView(i.id, i.siteCode, i.status, i.scopeDescription(), i.callNumberFrom,
                    i.callNumberTo, i.circulationType, i.shelfLocation, i.skipSeenSince, i.startedAt, i.finishedAt,
                    i.copiesInScope, Inventory.FINISHED.equals(i.status) ? i.scanned : scannedSoFar, i.missing,
                    i.found, i.misplaced);
        }
    }

    /** What one batch of scans did: new barcodes, repeats, and barcodes the catalog or this site does not hold. */
    public record ScanReceipt(int received, int newlyScanned, int unknownBarcodes, int atOtherSites) {
    }

    public record ResultLine(String barcode, UUID copyId, String title, String callNumber, String shelfLocation,
                             String siteCode) {
    }

    public record ShelfCount(String shelfLocation, long missing, long found, long misplaced) {
    }

    public record Report(UUID inventoryId, String kind, List<ResultLine> copies, List<ShelfCount> perShelfLocation) {
    }
}
