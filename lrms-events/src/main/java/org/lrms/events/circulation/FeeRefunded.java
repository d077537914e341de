package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.math.BigDecimal;

/**
 * What a patron had paid of a fee was handed back: a lost item came back, or the textbook service cancelled its
 * charge. {@code fee.status} is the fee's final status ({@code RETURNED}, {@code CANCELLED}); the balance owed does not
 * move (what was still open is forgiven by a {@code FeeWaived} first).
 */
@EventType(name = "FeeRefunded")
public record FeeRefunded(FeeSnapshot fee, BigDecimal refunded, String reason, String receiptNo) {
}
