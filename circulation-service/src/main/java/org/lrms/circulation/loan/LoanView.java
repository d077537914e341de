package org.lrms.circulation.loan;

import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.copy.CopyRow;

import java.time.Instant;
import java.util.UUID;

public record LoanView(UUID id, UUID copyId, String itemBarcode, String title, UUID patronId, String siteCode,
                       Instant loanedAt, Instant dueDate, int renewals, Instant returnedAt, String overrideReason) {

    static LoanView of(Loan loan, Copy copy) {
        return new LoanView(loan.id, loan.copyId, copy == null ? null : copy.barcode, copy == null ? null : copy.title,
                loan.patronId, loan.siteCode, loan.loanedAt, loan.dueAt, loan.renewals, loan.returnedAt,
                loan.overrideReason);
    }

    static LoanView of(DeskStatements.LoanRow loan, CopyRow copy) {
        return new LoanView(loan.id(), loan.copyId(), copy.barcode(), copy.title(), loan.patronId(), loan.siteCode(),
                loan.loanedAt(), loan.dueAt(), loan.renewals(), null, loan.overrideReason());
    }
}
