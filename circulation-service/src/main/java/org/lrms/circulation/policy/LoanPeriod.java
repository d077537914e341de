package org.lrms.circulation.policy;

import java.time.LocalDate;

/** How long a loan runs: a number of days, a number of hours, or until a fixed date (e.g. the end of term). */
public record LoanPeriod(Integer days, Integer hours, LocalDate fixedDate) {

    public static LoanPeriod ofDays(int days) {
        return new LoanPeriod(days, null, null);
    }

    public static LoanPeriod ofHours(int hours) {
        return new LoanPeriod(null, hours, null);
    }

    public static LoanPeriod until(LocalDate date) {
        return new LoanPeriod(null, null, date);
    }

    int kinds() {
        return (days != null ? 1 : 0) + (hours != null ? 1 : 0) + (fixedDate != null ? 1 : 0);
    }
}
