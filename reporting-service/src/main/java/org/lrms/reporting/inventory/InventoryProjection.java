package org.lrms.reporting.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;
import org.lrms.reporting.site.SiteDirectory;

import java.util.List;
import java.util.Locale;

/**
 * Finished inventories from catalog.inventories.v1: one row per inventory, with the counts the catalog published
 * (an inventory finished again, as published again, is the same row). Only what the event carries: the later counts
 * (skipped, not checked, scanned on loan, unknown barcodes) stay null when an older event has none.
 */
@ApplicationScoped
public class InventoryProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    ReportingClock clock;

    @Override
    public String topic() {
        return Topics.CATALOG_INVENTORIES;
    }

    @Override
    public List<String> tables() {
        return List.of("inventory");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"InventoryFinished".equals(event.type())) {
            return false;
        }
        InventoryFinished done = EventJson.payload(event, InventoryFinished.class);
        Projection.require(done.inventoryId(), event, "inventoryId");
        Projection.require(done.finishedAt(), event, "finishedAt");
        String site = Projection.require(done.siteCode() != null ? done.siteCode() : event.siteCode(), event,
                "siteCode").strip().toUpperCase(Locale.ROOT);
        if (!SiteDirectory.isSiteCode(site)) {
            throw new UnreadableEventException("InventoryFinished " + event.eventId() + " has site code "
                    + done.siteCode());
        }
        if (done.copiesInScope() < 0 || done.scanned() < 0 || done.missing() < 0 || done.found() < 0
                || done.misplaced() < 0 || negative(done.copiesSkipped()) || negative(done.notChecked())
                || negative(done.scannedOnLoan()) || negative(done.unknownBarcodes())) {
            throw new UnreadableEventException("InventoryFinished " + event.eventId() + " has a negative count");
        }
        sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        sql.add("""
                        INSERT INTO inventory (inventory_id, site_code, scope_description, started_at, finished_at,
                            finished_on, copies_in_scope, scanned, missing, found, misplaced, copies_skipped,
                            not_checked, scanned_on_loan, unknown_barcodes)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        ON CONFLICT (inventory_id) DO UPDATE SET site_code = EXCLUDED.site_code,
                            scope_description = EXCLUDED.scope_description, started_at = EXCLUDED.started_at,
                            finished_at = EXCLUDED.finished_at, finished_on = EXCLUDED.finished_on,
                            copies_in_scope = EXCLUDED.copies_in_scope, scanned = EXCLUDED.scanned,
                            missing = EXCLUDED.missing, found = EXCLUDED.found, misplaced = EXCLUDED.misplaced,
                            copies_skipped = EXCLUDED.copies_skipped, not_checked = EXCLUDED.not_checked,
                            scanned_on_loan = EXCLUDED.scanned_on_loan, unknown_barcodes = EXCLUDED.unknown_barcodes
                        """,
                done.inventoryId(),
                site,
                done.scopeDescription(),
                done.startedAt(),
                done.finishedAt(),
                clock.day(done.finishedAt()),
                done.copiesInScope(),
                done.scanned(),
                done.missing(),
                done.found(),
                done.misplaced(),
                done.copiesSkipped(),
                done.notChecked(),
                done.scannedOnLoan(),
                done.unknownBarcodes());
        return true;
    }

    private static boolean negative(Long count) {
        return count != null && count < 0;
    }
}
