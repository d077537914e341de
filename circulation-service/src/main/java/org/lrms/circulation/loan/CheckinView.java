package org.lrms.circulation.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the desk does with a returned copy: {@code nextCopyStatus} AVAILABLE (shelve), ON_HOLD_SHELF (set aside for
 * {@code holdId}) or IN_TRANSIT (send to {@code routeTo}).
 */
public record CheckinView(UUID loanId, String itemBarcode, Instant returnedAt, int daysOverdue, BigDecimal fine,
                          String nextCopyStatus, String routeTo, UUID holdId) {
}
