package org.lrms.reporting.acquisitions;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The acquisitions report laid out for downloads: one line per key and currency. */
final class AcquisitionsTables {

    private AcquisitionsTables() {
    }

    static ReportDocument of(AcquisitionsReport r) {
        List<List<Object>> totals = new ArrayList<>();
        if (r.spending().isEmpty()) {
            totals.add(row(r.lines(), r.items(), null, null));
        }
        r.spending().forEach(a -> totals.add(row(a.lines(), a.items(), a.currency(), a.amount())));
        return new ReportDocument("Acquisitions: items received and spending",
                "acquisitions-" + r.scope().replace(',', '-'),
                List.of("Scope: " + r.scope(), "Received from " + r.from() + " to " + r.to(),
                        "Spending counts what was received (quantity x unit price), not orders or invoices",
                        "Data as of " + r.freshness().asOf()),
                List.of(new Table("Totals", List.of("Receipt lines", "Items", "Currency", "Spending"), totals),
                        breakdown("By fund", "Fund", r.byFund()),
                        breakdown("By vendor", "Vendor", r.byVendor()),
                        breakdown("By material type", "Material type", r.byMaterialType()),
                        breakdown("By line kind", "Line kind", r.byLineKind()),
                        breakdown("By site", "Site", r.bySite()),
                        breakdown("By month", "Month", r.byMonth())));
    }

    private static Table breakdown(String caption, String first, List<AcquisitionsReport.Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (AcquisitionsReport.Row b : rows) {
            // a key received in two currencies is two lines, each with that currency's lines and items
            b.spending().forEach(a -> out.add(row(b.key(), a.lines(), a.items(), a.currency(), a.amount())));
        }
        return new Table(caption, List.of(first, "Receipt lines", "Items", "Currency", "Spending"), out);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
