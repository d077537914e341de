package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DueDatesTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final Predicate<LocalDate> OPEN = d -> false;
    /** Monday 2026-11-23, 10:00 in Los Angeles. */
    private static final Instant MONDAY = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, LA).toInstant();

    @Test
    void dayLoanIsDueAtTheEndOfItsLastLocalDay() {
        Instant due = DueDates.dueAt(MONDAY, LA, LoanPeriod.ofDays(14), OPEN);
        assertEquals(ZonedDateTime.of(2026, 12, 7, 23, 59, 59, 0, LA).toInstant(), due);
    }

    @Test
    void dueDateOnAClosedDayMovesToTheNextOpenDay() {
        // 2026-11-26 Thanksgiving and 2026-11-27 closed: a 3-day loan from Monday lands on Thursday
        Set<LocalDate> closed = Set.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 27));
        Instant due = DueDates.dueAt(MONDAY, LA, LoanPeriod.ofDays(3), closed::contains);
        assertEquals(LocalDate.of(2026, 11, 28), due.atZone(LA).toLocalDate());
    }

    @Test
    void hourLoanIgnoresTheCalendar() {
        assertEquals(MONDAY.plusSeconds(2 * 3600), DueDates.dueAt(MONDAY, LA, LoanPeriod.ofHours(2), d -> true));
    }

    @Test
    void fixedDateLoanIsDueThatDay() {
        Instant due = DueDates.dueAt(MONDAY, LA, LoanPeriod.until(LocalDate.of(2027, 6, 10)), OPEN);
        assertEquals(LocalDate.of(2027, 6, 10), due.atZone(LA).toLocalDate());
    }

    @Test
    void returnedOnTheDueDayIsNotOverdue() {
        Instant due = DueDates.endOfDay(LocalDate.of(2026, 11, 23), LA);
        assertEquals(0, DueDates.daysOverdue(due, MONDAY, LA, OPEN));
    }

    @Test
    void closedDaysAreNotCountedLate() {
        Instant due = DueDates.endOfDay(LocalDate.of(2026, 11, 20), LA);
        Set<LocalDate> weekend = Set.of(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22));
        assertEquals(3, DueDates.daysOverdue(due, MONDAY, LA, OPEN));
        assertEquals(1, DueDates.daysOverdue(due, MONDAY, LA, weekend::contains));
    }
}
