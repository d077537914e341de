package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "LoanCreated")
public record LoanCreated(LoanSnapshot loan, String overrideReason) {
}
