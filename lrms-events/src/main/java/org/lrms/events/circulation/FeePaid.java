package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.math.BigDecimal;

/**
 * A payment (possibly partial) went to a fee; {@code fee.balance} is what is left. {@code deskSite}: the site of the
 * desk that took it (null in events written before the field; {@code fee.siteCode} is the fee's own site).
 */
@EventType(name = "FeePaid")
public record FeePaid(FeeSnapshot fee, BigDecimal paid, String method, String deskSite) {

    public FeePaid(FeeSnapshot fee, BigDecimal paid, String method) {
        this(fee, paid, method, null);
    }
}
