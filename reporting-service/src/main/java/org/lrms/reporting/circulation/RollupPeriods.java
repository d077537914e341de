package org.lrms.reporting.circulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's period cut into what the rollups hold: every whole month, and the single days of the months the period
 * cuts (at most 30 at each end). Together they cover each day of the period exactly once.
 *
 * @param months the first day of each whole month
 * @param days   the days outside the whole months
 */
public record RollupPeriods(List<LocalDate> months, List<LocalDate> days) {

    public static RollupPeriods of(LocalDate from, LocalDate to) {
        List<LocalDate> months = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = from;
        while (!d.isAfter(to)) {
            LocalDate monthEnd = d.withDayOfMonth(d.lengthOfMonth());
            if (d.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                months.add(d);
                d = d.plusMonths(1);
            } else {
                days.add(d);
                d = d.plusDays(1);
            }
        }
        return new RollupPeriods(List.copyOf(months), List.copyOf(days));
    }

    /** The months holding a day of {@link #days()}: where a cut month's counts can be bounded from above. */
    public List<LocalDate> cutMonths() {
        return days.stream().map(d -> d.withDayOfMonth(1)).distinct().toList();
    }
}
