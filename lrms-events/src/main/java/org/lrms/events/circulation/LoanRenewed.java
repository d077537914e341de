package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "LoanRenewed")
public record LoanRenewed(LoanSnapshot loan) {
}
