package org.lrms.events.circulation;

import java.time.Instant;
import java.util.UUID;

/**
 * A loan as other services see it. {@code patronKey} is pseudonymous (never the patron's barcode or name): it lets
 * reporting count distinct patrons without knowing who they are.
 */
public record LoanSnapshot(UUID loanId, UUID copyId, String itemBarcode, UUID titleId, String siteCode,
                           String patronKey, String patronType, String patronGrade, String materialType,
                           String circulationType, String deweyNumber, Instant loanedAt, Instant dueAt,
                           int renewals) {
}
