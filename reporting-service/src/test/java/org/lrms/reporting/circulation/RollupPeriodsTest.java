package org.lrms.reporting.circulation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollupPeriodsTest {

    @Test
    void aSchoolYearOfWholeMonthsIsElevenMonthRowsAndNoDays() {
        RollupPeriods p = RollupPeriods.of(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        assertEquals(11, p.months().size());
        assertEquals(LocalDate.of(2026, 8, 1), p.months().get(0));
        assertEquals(LocalDate.of(2027, 6, 1), p.months().get(10));
        assertEquals(List.of(), p.days());
        assertEquals(List.of(), p.cutMonths());
    }

    @Test
    void cutMonthsAreReadDayByDay() {
        RollupPeriods p = RollupPeriods.of(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 12, 2));
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)), p.months());
        assertEquals(List.of(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2)), p.days());
        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 1)), p.cutMonths());
    }

    @Test
    void withinOneMonthEveryDayIsADay() {
        RollupPeriods p = RollupPeriods.of(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 27));
        assertEquals(List.of(), p.months());
        assertEquals(27, p.days().size());
        assertEquals(List.of(LocalDate.of(2027, 2, 1)), p.cutMonths());
        assertEquals(List.of(LocalDate.of(2028, 2, 1)),
                RollupPeriods.of(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)).months()); // leap year
    }

    @Test
    void everyDayOfAnyPeriodIsCoveredExactlyOnce() {
        LocalDate base = LocalDate.of(2026, 7, 20);
        for (int start = 0; start < 70; start += 3) {
            for (int length = 0; length < 200; length += 7) {
                LocalDate from = base.plusDays(start);
                LocalDate to = from.plusDays(length);
                RollupPeriods p = RollupPeriods.of(from, to);
                List<LocalDate> covered = new ArrayList<>(p.days());
                p.months().forEach(m -> m.datesUntil(m.plusMonths(1)).forEach(covered::add));
                covered.sort(null);
                assertEquals(from.datesUntil(to.plusDays(1)).toList(), covered, from + ".." + to);
            }
        }
    }
}
