package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.time.Instant;

/**
 * A loan ended with a check-in. {@code checkedInAt} is the returning desk's site; {@code nextCopyStatus} says where
 * the copy goes now (available, on hold shelf, in transit). {@code patronForgotten}: the check-in also dropped the
 * loan's patron link (the patron owes nothing and the privacy policy keeps no closed loan), so consumers drop the
 * patron-level data they keep for this loan after applying the close, as for {@link LoanAnonymized}, and no
 * {@code LoanAnonymized} follows for it; {@code loan.patronKey} is still the key being dropped. Added later: an event
 * without the field reads as false (the loan kept its link, a {@code LoanAnonymized} tells when it goes).
 */
@EventType(name = "LoanClosed")
public record LoanClosed(LoanSnapshot loan, Instant returnedAt, String checkedInAt, String nextCopyStatus,
                         boolean patronForgotten) {

    /** A close that leaves the loan its patron link. */
    public LoanClosed(LoanSnapshot loan, Instant returnedAt, String checkedInAt, String nextCopyStatus) {
        this(loan, returnedAt, checkedInAt, nextCopyStatus, false);
    }
}
