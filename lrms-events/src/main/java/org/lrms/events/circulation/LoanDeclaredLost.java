package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "LoanDeclaredLost")
public record LoanDeclaredLost(LoanSnapshot loan) {
}
