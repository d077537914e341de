package org.lrms.reporting.circulation;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The circulation report laid out for downloads. */
final class CirculationTables {

    private static final List<String> COUNTS = List.of("Check-outs", "Renewals", "Returns", "Lost", "Holds filled");

    private CirculationTables() {
    }

    static ReportDocument of(CirculationReport r) {
        List<String> notes = List.of("Scope: " + r.scope(), "From " + r.from() + " to " + r.to(),
                "Distinct borrowers: " + r.borrowers() + (r.borrowersExact() ? "" : " (estimate, about 0.8 %)"),
                "Data as of " + r.freshness().asOf());
        var t = r.totals();
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Totals", COUNTS, List.of(row(t.checkouts(), t.renewals(), t.returns(), t.lost(),
                t.holdsFilled()))));
        List<List<Object>> series = new ArrayList<>();
        r.series().forEach(p -> series.add(row(p.label(), p.checkouts(), p.renewals(), p.returns(), p.lost(),
                p.holdsFilled())));
        tables.add(new Table("By " + r.interval(), columns(r.interval().equals("week") ? "Week" : "Month"), series));
        tables.add(breakdown("By site", "Site", r.bySite()));
        tables.add(breakdown("By material type", "Material type", r.byMaterialType()));
        tables.add(breakdown("By Dewey class", "Class", r.byDeweyClass()));
        tables.add(breakdown("By patron type", "Patron type", r.byPatronType()));
        tables.add(breakdown("By grade", "Grade", r.byGrade()));
        List<List<Object>> top = new ArrayList<>();
        r.topTitles().forEach(x -> top.add(row(x.title(), x.checkouts())));
        tables.add(new Table("Top titles", List.of("Title", "Check-outs"), top));
        return new ReportDocument("Circulation statistics", "circulation-" + r.scope().replace(',', '-'), notes,
                tables);
    }

    private static Table breakdown(String caption, String first, List<CirculationReport.Breakdown> rows) {
        List<List<Object>> out = new ArrayList<>();
        rows.forEach(b -> out.add(row(b.label(), b.checkouts(), b.renewals(), b.returns(), b.lost(),
                b.holdsFilled())));
        return new Table(caption, columns(first), out);
    }

    private static List<String> columns(String first) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(COUNTS);
        return columns;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
