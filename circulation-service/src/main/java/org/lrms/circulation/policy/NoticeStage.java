package org.lrms.circulation.policy;

/**
 * One overdue notice stage of a policy: sent once a loan is {@code afterDays} days overdue; with {@code blocks}, the
 * patron may not borrow (unless a supervisor overrides) until the loan is returned.
 */
public record NoticeStage(int afterDays, boolean blocks) {
}
