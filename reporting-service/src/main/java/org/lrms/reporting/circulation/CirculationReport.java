package org.lrms.reporting.circulation;

import org.lrms.reporting.freshness.Freshness;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Circulation statistics of a scope over a period: totals, a series by month or week (for charts), breakdowns by
 * site, material type, Dewey class, patron type and grade, and the most borrowed titles. No patron identity.
 *
 * @param interval       {@code month} or {@code week}: the step of {@code series}
 * @param borrowers      distinct borrowers of the period's loans
 * @param borrowersExact false when {@code borrowers} is an estimate: the district's figure is merged from
 *                       HyperLogLog sketches (relative standard error about 0.8 %); a set of sites is counted exactly
 */
public record CirculationReport(String scope, List<String> sites, LocalDate from, LocalDate to, String interval,
                                Counts totals, long borrowers, boolean borrowersExact, List<PeriodCounts> series,
                                List<Breakdown> bySite,
                                List<Breakdown> byMaterialType, List<Breakdown> byDeweyClass,
                                List<Breakdown> byPatronType, List<Breakdown> byGrade, List<TopTitle> topTitles,
                                Freshness freshness) {

    /** What happened: check-outs, renewals, returns, loans declared lost, holds filled. */
    public record Counts(long checkouts, long renewals, long returns, long lost, long holdsFilled) {
    }

    /** One step of the series: the first day of the month or (ISO) week and its label, e.g. 2026-09 or 2026-W36. */
    public record PeriodCounts(LocalDate start, String label, long checkouts, long renewals, long returns, long lost,
                               long holdsFilled) {
    }

    /** One value of a dimension (a site code, a material type...) and its counts. */
    public record Breakdown(String key, String label, long checkouts, long renewals, long returns, long lost,
                            long holdsFilled) {
    }

    /** A title and its check-outs in the period. */
    public record TopTitle(UUID titleId, String title, long checkouts) {
    }
}
