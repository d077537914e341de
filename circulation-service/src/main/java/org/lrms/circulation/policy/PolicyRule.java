package org.lrms.circulation.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One row of the circulation policy matrix. A null {@code siteCode}, {@code patronType} or {@code circulationType}
 * means "any"; the rule with all three null is the district default. {@code overdueNotices}: one to three overdue
 * notice stages (see {@link OverdueStages}).
 */
public record PolicyRule(UUID id, String siteCode, String patronType, String circulationType, LoanPeriod loanPeriod,
                         int maxItems, int renewalsAllowed, int graceDays, BigDecimal finePerDay, BigDecimal maxFine,
                         int lostAfterDays, BigDecimal processingFee, boolean holdsAllowed, int holdShelfDays,
                         List<NoticeStage> overdueNotices) {

    /** A rule with the district's default overdue notice stages. */
    public PolicyRule(UUID id, String siteCode, String patronType, String circulationType, LoanPeriod loanPeriod,
                      int maxItems, int renewalsAllowed, int graceDays, BigDecimal finePerDay, BigDecimal maxFine,
                      int lostAfterDays, BigDecimal processingFee, boolean holdsAllowed, int holdShelfDays) {
        this(id, siteCode, patronType, circulationType, loanPeriod, maxItems, renewalsAllowed, graceDays, finePerDay,
                maxFine, lostAfterDays, processingFee, holdsAllowed, holdShelfDays, OverdueStages.DISTRICT_DEFAULT);
    }

    /** A rule field that is wrong, and why. */
    public record Violation(String field, String message) {
    }

    /** Everything wrong with this rule; empty when it can be saved. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (loanPeriod == null || loanPeriod.kinds() != 1) {
            out.add(new Violation("loanPeriod", "give exactly one of loanDays, loanHours or fixedDueDate"));
        } else {
            if (loanPeriod.days() != null && (loanPeriod.days() < 1 || loanPeriod.days() > 366)) {
                out.add(new Violation("loanDays", "must be between 1 and 366"));
            }
            if (loanPeriod.hours() != null && (loanPeriod.hours() < 1 || loanPeriod.hours() > 720)) {
                out.add(new Violation("loanHours", "must be between 1 and 720"));
            }
        }
        if (maxItems < 0) {
            out.add(new Violation("maxItems", "must not be negative"));
        }
        if (renewalsAllowed < 0) {
            out.add(new Violation("renewalsAllowed", "must not be negative"));
        }
        if (graceDays < 0) {
            out.add(new Violation("graceDays", "must not be negative"));
        }
        if (lostAfterDays < 1) {
            out.add(new Violation("lostAfterDays", "must be at least 1"));
        }
        if (holdShelfDays < 1) {
            out.add(new Violation("holdShelfDays", "must be at least 1"));
        }
        money(out, "finePerDay", finePerDay);
        money(out, "maxFine", maxFine);
        money(out, "processingFee", processingFee);
        out.addAll(OverdueStages.violations(overdueNotices));
        return out;
    }

    /** How specific the rule is: the site weighs most, then the patron type, then the circulation type. */
    int specificity() {
        return (siteCode != null ? 4 : 0) + (patronType != null ? 2 : 0) + (circulationType != null ? 1 : 0);
    }

    boolean matches(String site, String patron, String circulation) {
        return (siteCode == null || siteCode.equals(site))
                && (patronType == null || patronType.equals(patron))
                && (circulationType == null || circulationType.equals(circulation));
    }

    private static void money(List<Violation> out, String field, BigDecimal value) {
        if (value == null) {
            out.add(new Violation(field, "is required"));
        } else if (value.signum() < 0) {
            out.add(new Violation(field, "must not be negative"));
        } else if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            out.add(new Violation(field, "must have at most 2 decimal places"));
        } else if (value.compareTo(new BigDecimal("10000")) >= 0) {
            out.add(new Violation(field, "must be below 10000"));
        }
    }
}
