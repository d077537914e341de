package org.lrms.circulation.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * Due dates and overdue days over a site's calendar. A day-based loan is due at the end of its last day; a due date
 * that falls on a closed day moves forward to the next open day.
 */
public final class DueDates {

    /** Closed-day look-ahead limit: a calendar closed for longer than this is a data error, not a reason to loop. */
    private static final int MAX_CLOSED_RUN = 400;

    private DueDates() {
    }

    public static Instant dueAt(Instant loanedAt, ZoneId zone, LoanPeriod period, Predicate<LocalDate> closed) {
        if (period.hours() != null) {
            return loanedAt.plus(period.hours(), ChronoUnit.HOURS);
        }
        LocalDate day = period.days() != null
                ? loanedAt.atZone(zone).toLocalDate().plusDays(period.days())
                : period.fixedDate();
        return endOfDay(nextOpenDay(day, closed), zone);
    }

    public static LocalDate nextOpenDay(LocalDate day, Predicate<LocalDate> closed) {
        LocalDate d = day;
        for (int i = 0; i < MAX_CLOSED_RUN && closed.test(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    /** Open days between the due date and the return, both as local days: closed days are not counted late. */
    public static int daysOverdue(Instant dueAt, Instant returnedAt, ZoneId zone, Predicate<LocalDate> closed) {
        if (!returnedAt.isAfter(dueAt)) {
            return 0;
        }
        LocalDate due = dueAt.atZone(zone).toLocalDate();
        LocalDate returned = returnedAt.atZone(zone).toLocalDate();
        int days = 0;
        for (LocalDate d = due.plusDays(1); !d.isAfter(returned); d = d.plusDays(1)) {
            if (!closed.test(d)) {
                days++;
            }
        }
        return days;
    }
}
