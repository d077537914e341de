package org.lrms.circulation.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fine arithmetic, in exact decimals. */
public final class Fines {

    private Fines() {
    }

    /**
     * The overdue fine for {@code daysOverdue} open days: nothing within the grace days; past them every late day
     * counts, capped at the rule's maximum (a maximum of zero means no cap).
     */
    public static BigDecimal overdueFine(int daysOverdue, PolicyRule rule) {
        if (daysOverdue <= rule.graceDays() || rule.finePerDay().signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal fine = rule.finePerDay().multiply(BigDecimal.valueOf(daysOverdue));
        if (rule.maxFine().signum() > 0 && fine.compareTo(rule.maxFine()) > 0) {
            fine = rule.maxFine();
        }
        return fine.setScale(2, RoundingMode.HALF_UP);
    }
}
