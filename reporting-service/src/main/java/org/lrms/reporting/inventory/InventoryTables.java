package org.lrms.reporting.inventory;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The inventories report laid out for downloads; times in the district's time zone. */
final class InventoryTables {

    private static final List<String> COUNTS = List.of("Copies in scope", "Scanned", "Missing", "Found",
            "Misplaced", "Copies skipped", "Not checked", "Scanned on loan", "Unknown barcodes");
    /** Of the added-up rows: how many inventories the later counts do not cover. */
    private static final String WITHOUT_LATER_COUNTS = "Without later counts";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private InventoryTables() {
    }

    static ReportDocument of(InventoryReport r, ZoneId zone) {
        InventoryReport.Counts t = r.totals();
        List<String> totalColumns = new ArrayList<>(List.of("Inventories"));
        totalColumns.addAll(COUNTS);
        totalColumns.add(WITHOUT_LATER_COUNTS);
        List<String> siteColumns = new ArrayList<>(List.of("Site", "Last finished", "Inventories"));
        siteColumns.addAll(COUNTS);
        siteColumns.add(WITHOUT_LATER_COUNTS);
        List<List<Object>> sites = new ArrayList<>();
        for (InventoryReport.SiteRow s : r.bySite()) {
            InventoryReport.Counts c = s.counts();
            sites.add(row(s.site(), when(s.lastFinishedAt(), zone), c.inventories(), c.copiesInScope(), c.scanned(),
                    c.missing(), c.found(), c.misplaced(), c.copiesSkipped(), c.notChecked(), c.scannedOnLoan(),
                    c.unknownBarcodes(), c.withoutLaterCounts()));
        }
        List<String> listColumns = new ArrayList<>(List.of("Site", "Scope", "Started", "Finished"));
        listColumns.addAll(COUNTS);
        List<List<Object>> list = new ArrayList<>();
        for (InventoryReport.Finished f : r.inventories()) {
            list.add(row(f.site(), f.scope(), when(f.startedAt(), zone), when(f.finishedAt(), zone),
                    f.copiesInScope(), f.scanned(), f.missing(), f.found(), f.misplaced(), f.copiesSkipped(),
                    f.notChecked(), f.scannedOnLoan(), f.unknownBarcodes()));
        }
        return new ReportDocument("Inventories", "inventories-" + r.scope().replace(',', '-'),
                List.of("Scope: " + r.scope(), "Finished from " + r.from() + " to " + r.to(),
                        "Times in " + zone,
                        "Copies skipped, not checked, scanned on loan, unknown barcodes: empty for an inventory"
                                + " published before the catalog counted them; totals add those that were counted",
                        "Data as of " + r.freshness().asOf()),
                List.of(new Table("Totals", totalColumns, List.of(row(t.inventories(), t.copiesInScope(),
                                t.scanned(), t.missing(), t.found(), t.misplaced(), t.copiesSkipped(),
                                t.notChecked(), t.scannedOnLoan(), t.unknownBarcodes(),
                                t.withoutLaterCounts()))),
                        new Table("By site", siteColumns, sites),
                        new Table("Finished inventories", listColumns, list)));
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? null : WHEN.format(at.atZone(zone));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
