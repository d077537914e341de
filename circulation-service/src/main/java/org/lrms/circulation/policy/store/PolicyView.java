package org.lrms.circulation.policy.store;

import org.lrms.circulation.policy.NoticeStage;
import org.lrms.circulation.policy.PolicyRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record PolicyView(UUID id, String siteCode, String patronType, String circulationType, Integer loanDays,
                         Integer loanHours, LocalDate fixedDueDate, int maxItems, int renewalsAllowed,
                         int graceDays, BigDecimal finePerDay, BigDecimal maxFine, int lostAfterDays,
                         BigDecimal processingFee, boolean holdsAllowed, int holdShelfDays,
                         List<NoticeStage> overdueNotices) {

    public static PolicyView of(PolicyRule r) {
        return new PolicyView(r.id(), r.siteCode(), r.patronType(), r.circulationType(), r.loanPeriod().days(),
                r.loanPeriod().hours(), r.loanPeriod().fixedDate(), r.maxItems(), r.renewalsAllowed(),
                r.graceDays(), r.finePerDay(), r.maxFine(), r.lostAfterDays(), r.processingFee(), r.holdsAllowed(),
                r.holdShelfDays(), r.overdueNotices());
    }
}
