package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The textbook service asks circulation to charge a patron for a textbook (topic {@code textbook.charges.v1}, key
 * {@code chargeId}). Circulation books it once per {@code chargeId} into the patron's fee ledger (fee kind TEXTBOOK).
 *
 * @param patronId the patron's id as circulation knows it (from circulation's {@code PatronSnapshot.patronId})
 * @param kind     why: {@code LOST}, {@code DAMAGED}, {@code NOT_RETURNED}, ...
 * @param amount   exact decimal, positive, at most 2 decimal places
 */
@EventType(name = "TextbookChargeRequested")
public record TextbookChargeRequested(UUID chargeId, UUID patronId, String siteCode, String kind, BigDecimal amount,
                                      String textbookTitle, String isbn, String copyBarcode, String reason,
                                      Instant requestedAt) {
}
