package org.lrms.reporting.fees;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Fines and fees of a scope: amounts assessed, paid and waived in the period, and what is outstanding now.
 */
public record FeeReport(String scope, List<String> sites, LocalDate from, LocalDate to, Amounts totals,
                        List<Breakdown> byKind, List<Breakdown> bySite, Freshness freshness) {

    /**
     * @param outstanding open balances now (whatever the period)
     * @param openFees    fees with an open balance now
     */
    public record Amounts(BigDecimal assessed, long assessedFees, BigDecimal paid, BigDecimal waived,
                          BigDecimal outstanding, long openFees) {
    }

    public record Breakdown(String key, Amounts amounts) {
    }
}
