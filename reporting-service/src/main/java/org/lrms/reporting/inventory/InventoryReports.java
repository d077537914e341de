package org.lrms.reporting.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.lrms.reporting.report.Scalars.count;
import static org.lrms.kit.jdbc.Columns.instant;

/** Finished inventories from their projection. */
@ApplicationScoped
public class InventoryReports {

    static final List<String> TOPICS = List.of(Topics.CATALOG_INVENTORIES);

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    /** Counts added up as the rows come. */
    private static final class Tally {
        long inventories;
        long copiesInScope;
        long scanned;
        long missing;
        long found;
        long misplaced;
        Long copiesSkipped;
        Long notChecked;
        Long scannedOnLoan;
        Long unknownBarcodes;
        long withoutLaterCounts;
        Instant last;

        void add(InventoryReport.Finished f) {
            inventories++;
            copiesInScope += f.copiesInScope();
            scanned += f.scanned();
            missing += f.missing();
            found += f.found();
            misplaced += f.misplaced();
            copiesSkipped = plus(copiesSkipped, f.copiesSkipped());
            notChecked = plus(notChecked, f.notChecked());
            scannedOnLoan = plus(scannedOnLoan, f.scannedOnLoan());
            unknownBarcodes = plus(unknownBarcodes, f.unknownBarcodes());
            if (!f.hasLaterCounts()) {
                withoutLaterCounts++;
            }
            last = last == null || f.finishedAt().isAfter(last) ? f.finishedAt() : last;
        }

        InventoryReport.Counts counts() {
            return new InventoryReport.Counts(inventories, copiesInScope, scanned, missing, found, misplaced,
                    copiesSkipped, notChecked, scannedOnLoan, unknownBarcodes, withoutLaterCounts);
        }

        /** What is known added up: an unknown count adds nothing, and the sum stays unknown until one is known. */
        private static Long plus(Long sum, Long count) {
            if (count == null) {
                return sum;
            }
            return sum == null ? count : sum + count;
        }
    }

    @Transactional
    public InventoryReport report(ReportScope scope, ReportPeriod period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                        SELECT inventory_id, site_code, scope_description, started_at, finished_at, copies_in_scope,
                               scanned, missing, found, misplaced, copies_skipped, not_checked, scanned_on_loan,
                               unknown_barcodes
                        FROM inventory
                        WHERE (:district OR site_code IN (:sites)) AND finished_on BETWEEN :from AND :to
                        ORDER BY finished_at DESC, inventory_id
                        """), period)
                .getResultList();
        Tally total = new Tally();
        Map<String, Tally> bySite = new TreeMap<>();
        List<InventoryReport.Finished> finished = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            InventoryReport.Finished f = new InventoryReport.Finished((UUID) r[0], (String) r[1], (String) r[2],
                    instant(r[3]), instant(r[4]), count(r[5]), count(r[6]), count(r[7]), count(r[8]), count(r[9]),
                    known(r[10]), known(r[11]), known(r[12]), known(r[13]));
            finished.add(f);
            total.add(f);
            bySite.computeIfAbsent(f.site(), k -> new Tally()).add(f);
        }
        List<InventoryReport.SiteRow> sites = new ArrayList<>();
        bySite.forEach((site, t) -> sites.add(new InventoryReport.SiteRow(site, t.last, t.counts())));
        return new InventoryReport(scope.label(), scope.sites(), period.from(), period.to(), total.counts(), sites,
                finished, freshness.of(TOPICS));
    }

    private static Long known(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
