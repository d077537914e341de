package org.lrms.reporting.acquisitions;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a scope received in the period (receipt lines by their day of receipt): items and spending. Spending is
 * quantity times unit price of what was received, one amount per currency (orders and invoices are not counted).
 *
 * @param lines    receipt lines
 * @param items    items received (the lines' quantities added up)
 * @param spending one amount per currency received in (with that currency's lines and items), by currency code
 */
public record AcquisitionsReport(String scope, List<String> sites, LocalDate from, LocalDate to, long lines,
                                 long items, List<Spending> spending, List<Row> byFund, List<Row> byVendor,
                                 List<Row> byMaterialType, List<Row> byLineKind, List<Row> bySite,
                                 List<Row> byMonth, Freshness freshness) {

    /** An amount in one currency (ISO 4217), exact. */
    public record Amount(String currency, BigDecimal amount) {
    }

    /** What was received in one currency: its receipt lines, items and spending. */
    public record Spending(String currency, long lines, long items, BigDecimal amount) {
    }

    /** One fund, vendor, material type, line kind, site or month ({@code 2026-09}); spending by currency. */
    public record Row(String key, long lines, long items, List<Spending> spending) {
    }
}
