package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.time.Instant;

/**
 * A loan ended with a check-in. {@code checkedInAt} is the returning desk's site; {@code nextCopyStatus} says where
 * the copy goes now (available, on hold shelf, in transit).
 */
@EventType(name = "LoanClosed")
public record LoanClosed(LoanSnapshot loan, Instant returnedAt, String checkedInAt, String nextCopyStatus) {
}
