package org.lrms.reporting.report;

import org.junit.jupiter.api.Test;
import org.lrms.kit.problem.ProblemException;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void withoutDatesItIsTheSchoolYearHoldingToday() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30)),
                ReportPeriod.of(null, " ", TODAY));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30)),
                ReportPeriod.of(null, null, LocalDate.of(2026, 6, 30)));
    }

    @Test
    void withoutToItEndsTodayAndWithoutFromItStartsWithTheSchoolYearOfTo() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 8, 1), TODAY), ReportPeriod.of("2026-08-01", null, TODAY));
        assertEquals(new ReportPeriod(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 3, 31)),
                ReportPeriod.of(null, "2026-03-31", TODAY));
    }

    @Test
    void aFromInTheFutureWithoutToRunsToTheEndOfItsSchoolYear() {
        assertEquals(new ReportPeriod(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30)),
                ReportPeriod.of("2027-01-01", null, TODAY));
    }

    @Test
    void reversedDatesNameTheToField() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ReportPeriod.of("2027-06-30", "2026-08-01", TODAY));
        assertEquals(400, e.status());
        assertEquals("to", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void twoYearsAreAllowedAndOneDayMoreIsNot() {
        ReportPeriod longest = ReportPeriod.of("2025-01-01", "2027-01-01", TODAY);
        assertEquals(LocalDate.of(2027, 1, 1), longest.to());
        ProblemException e = assertThrows(ProblemException.class,
                () -> ReportPeriod.of("2025-01-01", "2027-01-02", TODAY));
        assertTrue(e.getMessage().contains("731"));
    }

    @Test
    void openEndedRangesFromLongAgoAreRefused() {
        assertThrows(ProblemException.class, () -> ReportPeriod.of("2010-01-01", null, TODAY));
    }

    @Test
    void malformedDatesNameTheirField() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReportPeriod.of("2026-13-01", null, TODAY));
        assertEquals("from", e.toProblem("/x").errors().get(0).field());
        e = assertThrows(ProblemException.class, () -> ReportPeriod.of(null, "tomorrow", TODAY));
        assertEquals("to", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void aSchoolYearRunsFromJulyToJune() {
        assertEquals(new ReportPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30)),
                ReportPeriod.schoolYearStarting(2026));
    }
}
