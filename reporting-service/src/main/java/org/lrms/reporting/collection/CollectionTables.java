package org.lrms.reporting.collection;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The collection report laid out for downloads. */
final class CollectionTables {

    private CollectionTables() {
    }

    static ReportDocument of(CollectionReport r) {
        List<String> notes = List.of(
                "Scope: " + r.scope(),
                "Additions and withdrawals from " + r.from() + " to " + r.to(),
                "Data as of " + r.freshness().asOf());
        Table summary = new Table("Summary", List.of("Measure", "Value"), List.of(
                row("Titles in the district catalog", r.titles()),
                row("Titles held", r.titlesHeld()),
                row("Copies", r.copies()),
                row("Average publication year", r.averagePublicationYear()),
                row("Replacement value", r.replacementValue()),
                row("Enrolment", r.enrolment()),
                row("Copies per student", r.copiesPerStudent()),
                row("Additions", r.additions()),
                row("Withdrawals", r.withdrawals())));
        List<List<Object>> types = new ArrayList<>();
        r.byMaterialType().forEach(t -> types.add(row(t.materialType(), t.titlesHeld(), t.copies(), t.additions(),
                t.withdrawals())));
        List<List<Object>> classes = new ArrayList<>();
        r.byDeweyClass().forEach(d -> classes.add(row(d.deweyClass(), d.label(), d.titlesHeld(), d.copies(),
                d.averagePublicationYear(), d.replacementValue(), d.additions(), d.withdrawals())));
        return new ReportDocument("Collection statistics", "collection-" + r.scope().replace(',', '-'), notes,
                List.of(summary,
                        new Table("By material type", List.of("Material type", "Titles held", "Copies",
                                "Additions", "Withdrawals"), types),
                        new Table("By Dewey class", List.of("Class", "Caption", "Titles held", "Copies",
                                "Average publication year", "Replacement value", "Additions", "Withdrawals"),
                                classes)));
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
