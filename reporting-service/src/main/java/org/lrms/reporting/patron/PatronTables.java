package org.lrms.reporting.patron;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Patron data reports laid out for downloads. */
final class PatronTables {

    private PatronTables() {
    }

    static ReportDocument overdue(PatronReport<PatronReport.OverdueRow> r) {
        List<List<Object>> rows = new ArrayList<>();
        r.rows().forEach(x -> rows.add(Arrays.asList(x.siteCode(), x.homeroom(), x.grade(), x.patronKey(),
                x.title(), x.dueAt(), x.daysOverdue())));
        return doc("Overdue items by homeroom", r, new Table("Overdue", List.of("Site", "Homeroom", "Grade",
                "Patron key", "Title", "Due", "Days overdue"), rows));
    }

    static ReportDocument withFees(PatronReport<PatronReport.FeeRow> r) {
        List<List<Object>> rows = new ArrayList<>();
        r.rows().forEach(x -> rows.add(Arrays.asList(x.siteCode(), x.homeroom(), x.grade(), x.patronKey(),
                x.openFees(), x.outstanding())));
        return doc("Patrons with fees", r, new Table("Patrons with fees", List.of("Site", "Homeroom", "Grade",
                "Patron key", "Open fees", "Outstanding"), rows));
    }

    static ReportDocument itemsOut(PatronReport<PatronReport.ItemsOutRow> r) {
        List<List<Object>> rows = new ArrayList<>();
        r.rows().forEach(x -> rows.add(Arrays.asList(x.siteCode(), x.homeroom(), x.grade(), x.patronKey(),
                x.patronStatus(), x.itemsOut(), x.itemsLost(), x.earliestDueAt())));
        return doc("Patrons with items out", r, new Table("Patrons with items out", List.of("Site", "Homeroom",
                "Grade", "Patron key", "Patron status", "Items out", "Items lost", "Earliest due"), rows));
    }

    private static ReportDocument doc(String title, PatronReport<?> r, Table table) {
        List<String> notes = new ArrayList<>(List.of("Scope: " + r.scope(), "As of " + r.asOf()));
        if (r.truncated()) {
            notes.add("Only the first " + PatronReports.MAX_ROWS + " rows: narrow the sites");
        }
        return new ReportDocument(title, r.report() + "-" + r.scope().replace(',', '-'), notes, List.of(table));
    }
}
