package org.lrms.catalog.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers of the inventory API. */
public final class InventoryViews {

    private InventoryViews() {
    }

    /**
     * An inventory and its counts. {@code copiesInScope} = {@code copiesSkipped} (seen since {@code skipSeenSince},
     * not scanned here) + {@code copiesExpected} (the copies it has to account for); while it is open, the first two
     * are as of its start, and finishing counts them again. {@code scanned} counts barcodes, the unknown ones too.
     */
    public record InventoryView(UUID id, String siteCode, String status, String scope, String callNumberFrom,
                                String callNumberTo, String circulationType, String shelfLocation,
                                Instant skipSeenSince, Instant startedAt, Instant finishedAt, long copiesInScope,
                                long scanned, long missing, long found, long misplaced, long copiesSkipped,
                                long copiesExpected, long notChecked, long scannedOnLoan, long unknownBarcodes,
                                Instant cancelledAt) {

        static InventoryView of(Inventory i, long scannedSoFar) {
            return new InventoryView(i.id, i.siteCode, i.status, i.scopeDescription(), i.callNumberFrom,
                    i.callNumberTo, i.circulationType, i.shelfLocation, i.skipSeenSince, i.startedAt, i.finishedAt,
                    i.copiesInScope, Inventory.OPEN.equals(i.status) ? scannedSoFar : i.scanned, i.missing,
                    i.found, i.misplaced, i.copiesSkipped, i.copiesExpected(), i.notChecked, i.scannedOnLoan,
                    i.unknownBarcodes, i.cancelledAt);
        }
    }

    /** What one batch of scans did: new barcodes, repeats, and barcodes the catalog or this site does not hold. */
    public record ScanReceipt(int received, int newlyScanned, int unknownBarcodes, int atOtherSites) {
    }

    /**
     * One line of a report: {@code kind} MISSING, FOUND, MISPLACED, NOT_CHECKED, SCANNED_ON_LOAN or UNKNOWN (then
     * only the barcode); {@code status} the copy's status as the inventory left it.
     */
    public record ResultLine(String kind, String barcode, UUID copyId, String title, String callNumber,
                             String shelfLocation, String siteCode, String status) {
    }

    public record ShelfCount(String shelfLocation, long missing, long found, long misplaced, long notChecked,
                             long scannedOnLoan) {
    }

    /**
     * What a site's inventory can be limited to: the shelf locations and circulation types its copies (not withdrawn)
     * have, each with how many copies, most first; {@code copiesWithoutShelfLocation} have none.
     */
    public record Scopes(String siteCode, List<Named> shelfLocations, long copiesWithoutShelfLocation,
                         List<Named> circulationTypes) {
    }

    public record Named(String name, long copies) {
    }

    /** A page of a report; {@code total} lines of this kind in all. */
    public record Report(UUID inventoryId, String status, String kind, long total, int page, int size,
                         List<ResultLine> copies, List<ShelfCount> perShelfLocation) {
    }
}
