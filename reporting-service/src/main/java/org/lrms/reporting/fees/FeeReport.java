package org.lrms.reporting.fees;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Fines and fees of a scope: amounts assessed, paid, waived and refunded in the period, and what is outstanding now.
 */
public record FeeReport(String scope, List<String> sites, LocalDate from, LocalDate to, Amounts totals,
                        List<Breakdown> byKind, List<Breakdown> bySite, Freshness freshness) {

    /**
     * @param refunded    handed back in the period: what had been paid of a fee forgiven since (a lost item that came
     *                    back, a textbook charge cancelled)
     * @param outstanding open balances now (whatever the period)
     * @param openFees    fees with an open balance now
     */
    public record Amounts(BigDecimal assessed, long assessedFees, BigDecimal paid, BigDecimal waived,
                          BigDecimal refunded, BigDecimal outstanding, long openFees) {
    }

    public record Breakdown(String key, Amounts amounts) {
    }
}
