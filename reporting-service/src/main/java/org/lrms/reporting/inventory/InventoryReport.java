package org.lrms.reporting.inventory;

import org.lrms.reporting.freshness.Freshness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The inventories a scope finished in the period (by the day they finished), newest first, with the counts the
 * catalog published, added up in total and by site.
 */
public record InventoryReport(String scope, List<String> sites, LocalDate from, LocalDate to, Counts totals,
                              List<SiteRow> bySite, List<Finished> inventories, Freshness freshness) {

    /**
     * The later counts ({@code copiesSkipped}, {@code notChecked}, {@code scannedOnLoan}, {@code unknownBarcodes})
     * add up the inventories that published them: null when none did, and short of the
     * {@code withoutLaterCounts} inventories whose event came before them (the catalog publishes the four together).
     *
     * @param copiesInScope      copies the inventories covered (not withdrawn)
     * @param scanned            copies scanned
     * @param missing            copies in scope not scanned (now missing)
     * @param found              copies missing before that were scanned
     * @param misplaced          copies scanned that belong to another site or outside the scope
     * @param withoutLaterCounts inventories whose event carried no later counts (null there: unknown, not zero)
     */
    public record Counts(long inventories, long copiesInScope, long scanned, long missing, long found,
                         long misplaced, Long copiesSkipped, Long notChecked, Long scannedOnLoan,
                         Long unknownBarcodes, long withoutLaterCounts) {
    }

    /** One site's inventories in the period, and when its latest finished. */
    public record SiteRow(String site, Instant lastFinishedAt, Counts counts) {
    }

    /**
     * One finished inventory, as the catalog published it; the later counts are null when its event came before them.
     *
     * @param copiesSkipped   copies in scope seen since the inventory's "skip seen since" day, not scanned: counted
     *                        as present
     * @param notChecked      copies not scanned that were not looked for: on the hold shelf, in transit, in
     *                        processing
     * @param scannedOnLoan   copies scanned that were still checked out
     * @param unknownBarcodes barcodes scanned that no copy has
     */
    public record Finished(UUID inventoryId, String site, String scope, Instant startedAt, Instant finishedAt,
                           long copiesInScope, long scanned, long missing, long found, long misplaced,
                           Long copiesSkipped, Long notChecked, Long scannedOnLoan, Long unknownBarcodes) {

        boolean hasLaterCounts() {
            return copiesSkipped != null && notChecked != null && scannedOnLoan != null && unknownBarcodes != null;
        }
    }
}
