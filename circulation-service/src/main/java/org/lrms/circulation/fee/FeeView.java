package org.lrms.circulation.fee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record FeeView(UUID id, String kind, String siteCode, BigDecimal amount, BigDecimal balance, String status,
                      UUID loanId, String note, Instant createdAt) {

    static FeeView of(Fee f) {
        return new FeeView(f.id, f.kind, f.siteCode, f.amount, f.balance, f.status, f.loanId, f.note, f.createdAt);
    }
}
