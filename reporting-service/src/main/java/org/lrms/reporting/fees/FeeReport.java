package org.lrms.reporting.fees;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Fines and fees of a scope: amounts assessed, paid, waived and refunded in the period, and what is outstanding now,
 * by the fee's site; and the money the scope's desks took and handed back in the period ({@code deskTotals},
 * {@code byDesk}), whatever the fee's site.
 */
public record FeeReport(String scope, List<String> sites, LocalDate from, LocalDate to, Amounts totals,
                        List<Breakdown> byKind, List<Breakdown> bySite, DeskAmounts deskTotals, List<Desk> byDesk,
                        Freshness freshness) {

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

    /**
     * Money at a desk in the period, as circulation's ledger counts it: {@code payments} and {@code refunds} are
     * movements of one fee each (a payment spread over three fees is three), {@code net} is paid less refunded.
     * {@code byMethod}: the payments by how they were made; they add up to {@code payments} and {@code paid}.
     * Refunds have no method.
     */
    public record DeskAmounts(long payments, BigDecimal paid, long refunds, BigDecimal refunded, BigDecimal net,
                              List<PaymentMethod> byMethod) {
    }

    /**
     * Payments of one method: {@code CASH}, {@code CHECK}, {@code CARD}, {@code ONLINE} in that order (a method
     * circulation adds later after them, by name), then null: unknown (taken before reporting kept the method, until a
     * rebuild, or an event that named none). Only methods with payments in the period are listed.
     */
    public record PaymentMethod(String method, long payments, BigDecimal paid) {
    }

    /**
     * The desks of one site (the event's {@code deskSite}, else the fee's site), and what they took for the fees of
     * each site ({@code byFeeSite}: their own, and other sites' fees paid or handed back there).
     */
    public record Desk(String desk, DeskAmounts amounts, List<FeeSite> byFeeSite) {
    }

    public record FeeSite(String site, DeskAmounts amounts) {
    }
}
