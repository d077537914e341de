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
     * @param copiesInScope copies the inventories covered (not withdrawn)
     * @param scanned       copies scanned
     * @param missing       copies in scope not scanned (now missing)
     * @param found         copies missing before that were scanned
     * @param misplaced     copies scanned that belong to another site or outside the scope
     */
    public record Counts(long inventories, long copiesInScope, long scanned, long missing, long found,
                         long misplaced) {
    }

    /** One site's inventories in the period, and when its latest finished. */
    public record SiteRow(String site, Instant lastFinishedAt, Counts counts) {
    }

    /** One finished inventory, as the catalog published it. */
    public record Finished(UUID inventoryId, String site, String scope, Instant startedAt, Instant finishedAt,
                           long copiesInScope, long scanned, long missing, long found, long misplaced) {
    }
}
