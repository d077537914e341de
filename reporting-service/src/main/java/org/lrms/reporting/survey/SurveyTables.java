package org.lrms.reporting.survey;

import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The survey laid out for export: one row per data item, as the state's form asks them. */
final class SurveyTables {

    private SurveyTables() {
    }

    static ReportDocument of(SurveyReport r) {
        SiteEntry e = r.siteEntry();
        List<List<Object>> items = new ArrayList<>(List.of(
                row("Enrolment", r.enrolment()),
                row("Books (copies)", r.books()),
                row("All copies (collection size)", r.copies()),
                row("Books per student", r.booksPerStudent()),
                row("Average copyright year of the books", r.averageCopyrightYear()),
                row("New books this year", r.newBooks()),
                row("New books per student", r.newBooksPerStudent()),
                row("Check-outs this year", r.checkouts()),
                row("Library materials spending (received)", spending(r)),
                row("Spending currency", r.spendingCurrency()),
                row("Weekly open hours", e == null ? null : e.weeklyOpenHours()),
                row("Open before school", e == null ? null : yesNo(e.openBeforeSchool())),
                row("Open after school", e == null ? null : yesNo(e.openAfterSchool())),
                row("Teacher librarians (FTE)", e == null ? null : e.teacherLibrarianFte()),
                row("Classified library staff (FTE)", e == null ? null : e.classifiedStaffFte()),
                row("Weekly volunteer hours", e == null ? null : e.weeklyVolunteerHours())));
        List<List<Object>> sections = new ArrayList<>();
        r.sections().forEach(s -> sections.add(row(s.deweyClass(), s.label(), s.books(), s.averageCopyrightYear())));
        return new ReportDocument("School library survey " + r.schoolYear() + " - " + r.site(),
                "survey-" + r.site() + "-" + r.schoolYear(),
                List.of("Site: " + r.site() + (r.siteName() == null ? "" : " " + r.siteName()),
                        "School year " + r.from() + " to " + r.to(), "Data as of " + r.freshness().asOf()),
                List.of(new Table("Data items", List.of("Item", "Value"), items),
                        new Table("Average copyright year by section", List.of("Class", "Caption", "Books",
                                "Average copyright year"), sections)));
    }

    /** One amount as a number; in several currencies, each amount with its currency. */
    private static Object spending(SurveyReport r) {
        if (r.spending() != null) {
            return r.spending();
        }
        return String.join("; ", r.spendingByCurrency().stream().map(a -> a.amount() + " " + a.currency()).toList());
    }

    private static String yesNo(Boolean b) {
        return Boolean.TRUE.equals(b) ? "yes" : "no";
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
