package org.lrms.reporting.textbook;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The textbooks report laid out for downloads. */
final class TextbookTables {

    private TextbookTables() {
    }

    static ReportDocument of(TextbookReport r) {
        TextbookReport.Totals t = r.totals();
        List<List<Object>> courses = new ArrayList<>();
        for (TextbookReport.CourseRow c : r.sufficiency()) {
            courses.add(row(c.site(), c.courseCode(), c.courseTitle(), c.title(), c.isbn(), c.adoptedBy(),
                    c.enrolledStudents(), c.copiesPerStudent(), c.copiesNeeded(), c.copiesHeld(),
                    c.copiesAvailable(), c.copiesDistributed(), c.shortfall(), c.sufficient() ? "yes" : "no"));
        }
        List<List<Object>> titles = new ArrayList<>();
        for (TextbookReport.TitleRow x : r.titles()) {
            titles.add(row(x.site(), x.title(), x.isbn(), x.copiesHeld(), x.copiesAvailable(), x.copiesDamaged(),
                    x.copiesNeeded(), x.shortfall(), x.sufficient() ? "yes" : "no", x.distributed(), x.returned(),
                    x.lost(), x.outstanding(), x.lostTotal()));
        }
        return new ReportDocument("Textbooks", "textbooks-" + r.scope().replace(',', '-'),
                List.of("Scope: " + r.scope(), "Distributed, returned and lost from " + r.from() + " to " + r.to(),
                        "Enrolled students, copies, outstanding and lost now (" + r.enrolledOn() + ")",
                        "Copies needed: enrolled students x copies per student; shortfall: needed beyond those "
                                + "distributed and available",
                        "Data as of " + r.freshness().asOf()),
                List.of(new Table("Totals", List.of("Courses", "Sufficient", "Copies needed", "Shortfall",
                                "Distributed", "Returned", "Lost", "Outstanding", "Lost (total)"),
                                List.of(row(t.courses(), t.sufficientCourses(), t.copiesNeeded(), t.shortfall(),
                                        t.distributed(), t.returned(), t.lost(), t.outstanding(), t.lostTotal()))),
                        new Table("Sufficiency by course", List.of("Site", "Course", "Course title", "Textbook",
                                "ISBN", "Adopted by", "Enrolled", "Per student", "Needed", "Held", "Available",
                                "Distributed", "Shortfall", "Sufficient"), courses),
                        new Table("By textbook title", List.of("Site", "Textbook", "ISBN", "Held", "Available",
                                "Damaged", "Needed", "Shortfall", "Sufficient", "Distributed", "Returned", "Lost",
                                "Outstanding", "Lost (total)"), titles)));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
