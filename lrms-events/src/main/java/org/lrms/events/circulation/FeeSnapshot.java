package org.lrms.events.circulation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A fee of a patron's account, self-describing for statistics. Amounts are exact decimals in the district's currency.
 *
 * @param kind    {@code OVERDUE}, {@code LOST}, {@code DAMAGED}, {@code PROCESSING}, {@code TEXTBOOK}, {@code OTHER}
 * @param amount  the amount first assessed
 * @param balance what remains open after this event
 * @param status  {@code OPEN}, {@code PAID}, {@code WAIVED}; {@code RETURNED} (a lost item came back),
 *                {@code CANCELLED} (the textbook service cancelled its charge)
 */
public record FeeSnapshot(UUID feeId, String patronKey, String patronType, String patronGrade, String siteCode,
                          String kind, BigDecimal amount, BigDecimal balance, String status, UUID loanId,
                          UUID copyId, String materialType) {
}
