package org.lrms.circulation.loan;

import org.lrms.kit.problem.ProblemException;

import java.math.BigDecimal;

/** A check-out, check-in or renewal the desk must act on; {@code code} tells it what happened. */
public class CheckoutRefused extends ProblemException {

    private final boolean overridable;

    private CheckoutRefused(int status, String code, String detail, boolean overridable) {
        super(status, status == 422 ? "Request cannot be carried out" : "Refused", code, detail);
        this.overridable = overridable;
        with("overridable", overridable);
    }

    /** A refusal a supervisor may override with a reason. */
    static CheckoutRefused overridable(String code, String detail) {
        return new CheckoutRefused(409, code, detail, true);
    }

    static CheckoutRefused refused(String code, String detail) {
        return new CheckoutRefused(409, code, detail, false);
    }

    static CheckoutRefused unusable(String code, String detail) {
        return new CheckoutRefused(422, code, detail, false);
    }

    /**
     * The patron's account is not active (inactive, graduated): a check-out and a renewal alike are refused. Its
     * status is the patron's record: named to staff of its home site and district staff only.
     */
    static CheckoutRefused patronInactive(String status, boolean confidential) {
        return unusable("patron-inactive", confidential
                ? "the patron's account cannot borrow: " + ASK_THEIR_SCHOOL
                : "the patron's account is " + status);
    }

    /**
     * Staff blocked the patron: a supervisor may override it at a check-out, not at a renewal. The note is the
     * patron's record: shown to staff of its home site and district staff only (see {@link #ASK_THEIR_SCHOOL}).
     */
    static CheckoutRefused patronBlocked(String blockNote, boolean confidential, boolean overridable) {
        String detail = confidential ? "the patron is blocked: " + ASK_THEIR_SCHOOL
                : "the patron is blocked: " + blockNote;
        return overridable ? overridable("patron-blocked", detail) : refused("patron-blocked", detail);
    }

    /**
     * The patron owes more than the limit: a supervisor may override it at a check-out, not at a renewal. What they
     * owe is the patron's record: shown to staff of its home site and district staff only.
     */
    static CheckoutRefused feesOwed(BigDecimal owed, BigDecimal limit, boolean confidential, boolean overridable) {
        String detail = confidential ? "the patron owes fees above the limit: " + ASK_THEIR_SCHOOL
                : "the patron owes " + owed + ", above the limit of " + limit;
        return overridable ? overridable("fees-owed", detail) : refused("fees-owed", detail);
    }

    /**
     * A patron's account refusal at the desk of a site that is not the patron's home site (for staff who do not hold
     * it, and not district staff) says what the desk can act on, without the patron's record (block note, what they
     * owe, how many items they have out or overdue): patron records are confidential (California Gov. Code 7927.105,
     * FERPA). The code stays, so a supervisor may still override.
     */
    static final String ASK_THEIR_SCHOOL = "ask their school library";

    boolean overridable() {
        return overridable;
    }

    String code() {
        return toProblem(null).code();
    }

    String detail() {
        return toProblem(null).detail();
    }
}
