package org.lrms.reporting.circulation;

import org.junit.jupiter.api.Test;
import org.lrms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportIntervalTest {

    @Test
    void monthlyStepsCoverEveryMonthTouchedByThePeriod() {
        List<LocalDate> starts = ReportInterval.MONTH.starts(LocalDate.of(2026, 8, 15), LocalDate.of(2026, 10, 1));
        assertEquals(List.of(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)), starts);
        assertEquals("2026-08", ReportInterval.MONTH.label(starts.get(0)));
    }

    @Test
    void weeklyStepsStartOnMondayAndAreLabelledByIsoWeek() {
        List<LocalDate> starts = ReportInterval.WEEK.starts(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5));
        assertEquals(List.of(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4)), starts);
        assertEquals("2026-W53", ReportInterval.WEEK.label(starts.get(0)));
        assertEquals("2027-W01", ReportInterval.WEEK.label(starts.get(1)));
    }

    @Test
    void defaultIsMonthAndOtherWordsAreRefusedNamingTheField() {
        assertEquals(ReportInterval.MONTH, ReportInterval.of(null));
        assertEquals(ReportInterval.WEEK, ReportInterval.of(" Week "));
        ProblemException e = assertThrows(ProblemException.class, () -> ReportInterval.of("day"));
        assertEquals("interval", e.toProblem("/x").errors().get(0).field());
    }
}
