package org.lrms.reporting.circulation;

import org.lrms.kit.problem.ProblemException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The step of a report's series: calendar months, or ISO weeks starting on Monday. */
public enum ReportInterval {
    MONTH, WEEK;

    public static ReportInterval of(String value) {
        if (value == null || value.isBlank()) {
            return MONTH;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("interval", "must be month or week");
        }
    }

    /** The first day of the step holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return this == MONTH ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate next(LocalDate start) {
        return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
    }

    /** E.g. {@code 2026-09} or {@code 2026-W36}. */
    public String label(LocalDate start) {
        if (this == MONTH) {
            return String.format("%d-%02d", start.getYear(), start.getMonthValue());
        }
        return String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The starts of every step from the one holding {@code from} to the one holding {@code to}. */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate s = start(from); !s.isAfter(to); s = next(s)) {
            starts.add(s);
        }
        return starts;
    }

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
