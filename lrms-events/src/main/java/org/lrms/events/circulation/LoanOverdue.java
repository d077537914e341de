package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "LoanOverdue")
public record LoanOverdue(LoanSnapshot loan, int daysOverdue) {
}
