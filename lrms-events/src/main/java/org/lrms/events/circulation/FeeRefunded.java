package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.math.BigDecimal;

/**
 * What a patron had paid of a fee was handed back: a lost item came back, or the textbook service cancelled its
 * charge. {@code fee.status} is the fee's final status ({@code RETURNED}, {@code CANCELLED}); the balance owed does not
 * move (what was still open is forgiven by a {@code FeeWaived} first). {@code deskSite}: the site of the desk that
 * handed it back (the fee's site for a cancelled textbook charge; null in events written before the field).
 */
@EventType(name = "FeeRefunded")
public record FeeRefunded(FeeSnapshot fee, BigDecimal refunded, String reason, String receiptNo, String deskSite) {

    public FeeRefunded(FeeSnapshot fee, BigDecimal refunded, String reason, String receiptNo) {
        this(fee, refunded, reason, receiptNo, null);
    }
}
