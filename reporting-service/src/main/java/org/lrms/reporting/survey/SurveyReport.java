package org.lrms.reporting.survey;

import org.lrms.reporting.acquisitions.AcquisitionsReport;
import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The data items of California's annual school library survey for one site and school year.
 *
 * @param schoolYear             e.g. {@code 2026-27}
 * @param books                  book copies (material type BOOK) not withdrawn
 * @param copies                 all copies not withdrawn (collection size)
 * @param enrolment              students enrolled (null until the roster is known)
 * @param booksPerStudent        books / enrolment
 * @param averageCopyrightYear   average publication year of the books
 * @param sections               average publication year of chosen Dewey sections
 * @param newBooks               books added during the school year
 * @param newBooksPerStudent     newBooks / enrolment
 * @param checkouts              check-outs during the school year
 * @param spending               library materials spending: what the site received on LIBRARY receipt lines in the
 *                               school year (quantity x unit price; textbook lines are not library materials),
 *                               0.00 when nothing was received; null when it was received in more than one currency
 * @param spendingCurrency       the currency of {@code spending} (null when nothing was received)
 * @param spendingByCurrency     that spending, one amount per currency
 * @param siteEntry              hours and staffing the site entered (null until entered)
 */
public record SurveyReport(String site, String siteName, String schoolYear, LocalDate from, LocalDate to,
                           long books, long copies, Long enrolment, Double booksPerStudent,
                           Double averageCopyrightYear, List<Section> sections, long newBooks,
                           Double newBooksPerStudent, long checkouts, BigDecimal spending, String spendingCurrency,
                           List<AcquisitionsReport.Amount> spendingByCurrency, SiteEntry siteEntry,
                           Freshness freshness) {

    /** A Dewey section (e.g. {@code 500}) and the average publication year of its books. */
    public record Section(String deweyClass, String label, long books, Double averageCopyrightYear) {
    }
}
