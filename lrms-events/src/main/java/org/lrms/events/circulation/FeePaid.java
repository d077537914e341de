package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.math.BigDecimal;

/** A payment (possibly partial) went to a fee; {@code fee.balance} is what is left. */
@EventType(name = "FeePaid")
public record FeePaid(FeeSnapshot fee, BigDecimal paid, String method) {
}
