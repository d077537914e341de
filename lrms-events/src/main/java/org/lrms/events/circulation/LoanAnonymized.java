package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.util.UUID;

/**
 * A closed loan lost its patron link (circulation's privacy rule: once the patron owes nothing). Consumers drop the
 * patron-level data they keep for this loan ({@code patronKey}) and keep the statistics. Topic
 * {@code circulation.loans.v1}, key {@code loanId}.
 */
@EventType(name = "LoanAnonymized")
public record LoanAnonymized(UUID loanId, String siteCode, String patronKey) {
}
