package org.lrms.circulation.fee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A fee as staff see it; {@code loanId} only while that loan is still the patron's (see {@link #of(Fee, boolean)}).
 */
public record FeeView(UUID id, String kind, String siteCode, BigDecimal amount, BigDecimal balance, String status,
                      UUID loanId, String note, Instant createdAt) {

    static FeeView of(Fee f) {
        return of(f, true);
    }

    /**
     * {@code loanShown} false once the privacy policy has anonymized the fee's loan: the fee keeps its money, not a
     * way from the patron to what they borrowed (the loan, found by its id, names its item).
     */
    static FeeView of(Fee f, boolean loanShown) {
        return new FeeView(f.id, f.kind, f.siteCode, f.amount, f.balance, f.status, loanShown ? f.loanId : null, f.note,
                f.createdAt);
    }

    /** The same view once the loan is no longer the patron's. */
    FeeView withoutLoan() {
        return new FeeView(id, kind, siteCode, amount, balance, status, null, note, createdAt);
    }
}
