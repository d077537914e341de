package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FinesTest {

    private static PolicyRule rule(String perDay, String max, int grace) {
        return new PolicyRule(UUID.randomUUID(), null, null, null, LoanPeriod.ofDays(14), 10, 2, grace,
                new BigDecimal(perDay), new BigDecimal(max), 60, BigDecimal.ZERO, true, 7);
    }

    @Test
    void finePerDayTimesDaysInExactDecimals() {
        assertEquals(new BigDecimal("0.30"), Fines.overdueFine(3, rule("0.10", "5.00", 0)));
    }

    @Test
    void withinGraceNothingIsOwedPastItEveryDayCounts() {
        assertEquals(new BigDecimal("0.00"), Fines.overdueFine(2, rule("0.25", "5.00", 2)));
        assertEquals(new BigDecimal("0.75"), Fines.overdueFine(3, rule("0.25", "5.00", 2)));
    }

    @Test
    void fineIsCappedAtTheMaximum() {
        assertEquals(new BigDecimal("5.00"), Fines.overdueFine(365, rule("0.10", "5.00", 0)));
    }

    @Test
    void zeroMaximumMeansNoCap() {
        assertEquals(new BigDecimal("36.50"), Fines.overdueFine(365, rule("0.10", "0", 0)));
    }

    @Test
    void noFinePerDayNoFine() {
        assertEquals(new BigDecimal("0.00"), Fines.overdueFine(30, rule("0", "0", 0)));
    }
}
