package org.lrms.reporting.report;

import org.lrms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both inclusive. Without dates it is the school year (July to June) holding
 * {@code today}; without {@code to} it ends today. Longer than {@link #MAX_DAYS} days is refused: such a report is
 * a warehouse query, not a statistics page.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final long MAX_DAYS = 731;

    public static ReportPeriod of(String from, String to, LocalDate today) {
        LocalDate start = parse("from", from);
        LocalDate end = parse("to", to);
        if (start == null && end == null) {
            return schoolYear(today);
        }
        if (start == null) {
            start = schoolYear(end).from();
        }
        if (end == null) {
            end = today.isBefore(start) ? schoolYear(start).to() : today;
        }
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from (" + start + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("to", "a report covers at most " + MAX_DAYS + " days");
        }
        return new ReportPeriod(start, end);
    }

    /** The school year (July 1 to June 30) holding {@code day}. */
    public static ReportPeriod schoolYear(LocalDate day) {
        int startYear = day.getMonthValue() >= 7 ? day.getYear() : day.getYear() - 1;
        return new ReportPeriod(LocalDate.of(startYear, 7, 1), LocalDate.of(startYear + 1, 6, 30));
    }

    /** The school year starting in July of {@code startYear}. */
    public static ReportPeriod schoolYearStarting(int startYear) {
        return schoolYear(LocalDate.of(startYear, 7, 1));
    }

    private static LocalDate parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "is not a date (YYYY-MM-DD): " + abbreviate(value));
        }
    }

    static String abbreviate(String value) {
        String v = value.trim();
        return v.length() > 20 ? v.substring(0, 20) + "..." : v;
    }
}
