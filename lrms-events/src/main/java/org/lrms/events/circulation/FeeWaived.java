package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.math.BigDecimal;

/** Part or all of a fee was forgiven, with the reason staff gave. */
@EventType(name = "FeeWaived")
public record FeeWaived(FeeSnapshot fee, BigDecimal waived, String reason) {
}
