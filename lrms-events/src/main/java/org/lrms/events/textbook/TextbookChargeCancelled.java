package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.util.UUID;

/**
 * The textbook service withdraws a charge it requested (e.g. the lost textbook came back): circulation waives what is
 * still open of the fee and refunds what was paid. Topic {@code textbook.charges.v1}, key {@code chargeId}.
 */
@EventType(name = "TextbookChargeCancelled")
public record TextbookChargeCancelled(UUID chargeId, String reason) {
}
