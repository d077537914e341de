package org.lrms.reporting.patron;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Patron data reports for staff: one row per patron (or loan), identified only by the pseudonymous patron key that
 * the circulation desk resolves to a person; homeroom and grade let staff hand lists to teachers.
 *
 * @param truncated true when there were more rows than a report shows ({@link PatronReports#MAX_ROWS})
 */
public record PatronReport<R>(String report, String scope, List<String> sites, Instant asOf, int count,
                              boolean truncated, List<R> rows, Freshness freshness) {

    /** A loan past its due date. */
    public record OverdueRow(String siteCode, String homeroom, String grade, String patronKey, String patronType,
                             UUID titleId, String title, Instant loanedAt, Instant dueAt, long daysOverdue) {
    }

    /** A patron with open fees. */
    public record FeeRow(String siteCode, String homeroom, String grade, String patronKey, String patronType,
                         long openFees, BigDecimal outstanding) {
    }

    /** A patron with items still out (or lost and not settled). */
    public record ItemsOutRow(String siteCode, String homeroom, String grade, String patronKey, String patronType,
                              String patronStatus, long itemsOut, long itemsLost, Instant earliestDueAt) {
    }
}
