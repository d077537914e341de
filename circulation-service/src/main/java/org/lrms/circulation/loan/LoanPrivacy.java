package org.lrms.circulation.loan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeDetached;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.kit.outbox.Outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The privacy rule (closed holds and settled fees: {@link #anonymizeClosedHolds}, {@link #detachSettledFees}): a
 * closed loan keeps no patron once no fee OF THAT LOAN is open (an overdue fine, a lost item's fees) and the period of
 * the district's privacy policy ({@link PrivacyPolicies}: none by default) has passed: neither the patron id nor the
 * pseudonymous key (this service could recompute the key of every patron), and the loan's notices and fees forget it
 * (the fees, all settled then, keep their money, kind, site, dates and receipts, not the loan nor its copy: the fee's
 * patron would otherwise still lead to what they borrowed, see {@link #anonymizing}). What the patron owes for other
 * loans or manual charges keeps no loan linked (a student owing 10 cents from last year does not keep every later
 * return under their name; California Gov. Code 7927.105). Fees keep their own patron, the money
 * trail, under the finance retention ({@link #detachSettledFees}). With no period, a loan loses its patron at
 * check-in, or, when its own fine is assessed there, once that fee (the last open one of the loan) is paid, waived or
 * cancelled ({@link #anonymizeSettledLoans}, from the ledger); with a period, the nightly run takes the loans whose
 * period is over ({@link #anonymizeKeptLoans}, same rule). Each loan that loses its link is announced
 * ({@code LoanAnonymized}) in the same transaction, so reporting drops its patron-level rows of that loan; a return
 * that drops the link itself ({@link #forgetOnReturn}) says so in its {@code LoanClosed} instead.
 * <p>
 * The common return (not overdue, not declared lost, no open fee of the loan, no period) drops only its own loan's
 * link, in the statement that closes it, not through the statement over the patron's closed loans
 * ({@link #anonymizeClosedLoans}): under the default policy no other closed loan of the patron is waiting for the
 * rule, because a loan without an open fee loses its link when it closes, and a loan with one when the fee settles.
 * Left waiting all the same: the loans of a period shortened to 0 (until the next nightly run) and a return dated ahead
 * of the server's clock. A loan with an open fee is returned with its patron locked, as a payment locks it: a payment
 * of that fee at another desk at the same moment either commits first (the check-in's statement then finds the fee
 * paid) or waits for the return (and finds the loan closed), so the two never leave the loan linked. The check-in reads whether the patron has such a loan (in the statement that reads the loan)
 * and then runs the statement over all of them, so it anonymizes what the rule says; the nightly run takes any other
 * leftover.
 */
@ApplicationScoped
public class LoanPrivacy {

    /** Loans the nightly run anonymizes per transaction. */
    static final int CHUNK = 1000;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * The patron's closed loans past the policy's period with no open fee of their own lose the link (all such, by
     * default): after a return that may have assessed or forgiven a fee of its loan, or found loans waiting.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymizeClosedLoans(UUID patronId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(anonymizing("""
                        SELECT c.id, c.site_code, c.patron_key FROM loan c
                        WHERE c.patron_id = ?1 AND c.returned_at IS NOT NULL AND c.returned_at <= %s
                          AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = c.id AND f.status = 'OPEN')
                        FOR UPDATE OF c""", "?2"))
                .setParameter(1, patronId)
                .setParameter(2, Instant.now())
                .getResultList();
        forget(rows);
        return rows.size();
    }

    /**
     * Fees of these loans were just settled (paid, waived, cancelled, forgiven): each of them that is closed, past the
     * policy's period and has no other open fee loses its patron now. Fees without a loan (manual charges, textbook
     * charges) never kept a loan linked, so nothing else is looked at.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymizeSettledLoans(Collection<UUID> loanIds) {
        if (loanIds.isEmpty()) {
            return 0;
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(anonymizing("""
                        SELECT c.id, c.site_code, c.patron_key FROM loan c
                        WHERE c.id IN (?1) AND c.patron_id IS NOT NULL
                          AND c.returned_at IS NOT NULL AND c.returned_at <= %s
                          AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = c.id AND f.status = 'OPEN')
                        ORDER BY c.id FOR UPDATE OF c""", "?2"))
                .setParameter(1, List.copyOf(new TreeSet<>(loanIds)))
                .setParameter(2, Instant.now())
                .getResultList();
        forget(rows);
        return rows.size();
    }

    /**
     * The return of a loan with no open fee, neither overdue nor declared lost, under a policy that keeps no closed
     * loan, with no other closed loan of the patron waiting for the rule ({@code CheckoutService}): the loan loses its patron in the statement that closes it
     * ({@code DeskStatements.close}), and here its notices and fees forget it (a loan the sweep found overdue and
     * that was renewed since has overdue notices, and the fine of that renewal, paid; {@code noticed} and
     * {@code feesSettled} say whether any names it, so the common return runs neither statement). The caller's
     * {@code LoanClosed} announces it ({@code patronForgotten}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetOnReturn(UUID loanId, boolean noticed, boolean feesSettled) {
        if (noticed) {
            // only the notice table: no flush of the session's changes first
            em.createNativeQuery("UPDATE notice SET loan_id = NULL WHERE loan_id = ?1")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("notice")
                    .setParameter(1, loanId).executeUpdate();
        }
        if (feesSettled) {
            // none of them is open (the return forgets the patron only then): they keep their money, not the loan
            em.createNativeQuery(UNLINK_FEES + " WHERE loan_id = ?1")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("fee")
                    .setParameter(1, loanId).executeUpdate();
        }
    }

    /**
     * What an anonymized loan's fees lose: the loan and its copy (through either, the fee's patron would still lead to
     * what they borrowed). Amount, balance, status, kind, site, note, dates and their transactions (receipts, desks)
     * stay for the ledger and statistics. Only settled fees: a loan with an open fee of its own keeps its patron.
     */
    static final String UNLINK_FEES = "UPDATE fee SET loan_id = NULL, copy_id = NULL";

    @Scheduled(cron = "{circulation.privacy.anonymize-cron}", identity = "closed-loan-anonymization")
    void nightly() {
        Instant now = Instant.now();
        anonymizeKeptLoans(now);
        anonymizeClosedHolds(now);
        detachSettledFees(now);
    }

    /**
     * Closed holds (filled, cancelled, expired) closed longer ago than the policy's {@code keep_closed_holds_days}
     * lose their patron id and key, a chunk per transaction; title, copy, pickup site, patron type and grade, status
     * and dates stay for statistics, and their notices forget them. Reporting keeps no patron of a hold, so nothing
     * is announced. Answers how many.
     */
    public int anonymizeClosedHolds(Instant now) {
        return inChunks(() -> em.createNativeQuery("""
                        WITH closed AS (SELECT id FROM hold WHERE patron_id IS NOT NULL AND closed_at IS NOT NULL
                              AND status NOT IN ('WAITING', 'IN_TRANSIT', 'ON_SHELF')
                              AND closed_at <= CAST(?1 AS timestamptz)
                                - (SELECT make_interval(days => keep_closed_holds_days) FROM privacy_policy)
                            ORDER BY closed_at LIMIT ?2 FOR UPDATE SKIP LOCKED),
                          forgotten AS (UPDATE notice n SET hold_id = NULL FROM closed WHERE n.hold_id = closed.id)
                        UPDATE hold h SET patron_id = NULL, patron_key = NULL FROM closed WHERE h.id = closed.id""")
                .setParameter(1, now).setParameter(2, CHUNK).executeUpdate());
    }

    /**
     * The finance retention: a settled fee (paid, waived, cancelled, refunded) whose last payment or waiver is older
     * than the policy's {@code keep_settled_fees_days} is detached from its patron, a chunk per transaction. Amount,
     * balance, kind, site, dates and its transactions stay (and its loan and copy, unless the loan was anonymized
     * already), so the ledger's totals and receipts still add up; the fee no longer appears among the patron's, and
     * each is announced ({@code FeeDetached}) so reporting forgets its patron key. A fee whose loan is still open (a
     * lost item paid for, which a return would refund to the borrower) waits for the loan to close. Answers how many.
     */
    public int detachSettledFees(Instant now) {
        return inChunks(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            WITH settled AS (SELECT f.id FROM fee f WHERE f.patron_id IS NOT NULL AND f.status <> 'OPEN'
                                  AND COALESCE((SELECT max(t.at) FROM fee_transaction t WHERE t.fee_id = f.id),
                                               f.created_at) <= CAST(?1 AS timestamptz)
                                    - (SELECT make_interval(days => keep_settled_fees_days) FROM privacy_policy)
                                  AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.id = f.loan_id AND l.returned_at IS NULL)
                                ORDER BY f.created_at LIMIT ?2 FOR UPDATE OF f SKIP LOCKED),
                              forgotten AS (UPDATE notice n SET fee_id = NULL FROM settled WHERE n.fee_id = settled.id)
                            UPDATE fee SET patron_id = NULL FROM settled WHERE fee.id = settled.id
                            RETURNING fee.id, fee.site_code""")
                    .setParameter(1, now).setParameter(2, CHUNK).getResultList();
            // announced in the same transaction, so that reporting drops the fee's pseudonymous patron key too
            for (Object[] row : rows) {
                outbox.publish(Topics.CIRCULATION_FEES, (String) row[1], row[0].toString(),
                        new FeeDetached((UUID) row[0], (String) row[1]));
            }
            return rows.size();
        });
    }

    /** Runs {@code chunk} (answering how many rows it changed) a transaction at a time until one is not full. */
    private int inChunks(IntSupplier chunk) {
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(chunk::getAsInt);
            total += done;
            if (done < CHUNK) {
                return total;
            }
        }
    }

    /**
     * The nightly run as of {@code now}: closed loans returned longer ago than the kept period with no open fee of
     * their own lose their patron, a chunk per transaction, whatever else the patron owes. Loans locked by a desk are
     * left for the next run. It also takes any closed loan an earlier path left linked. Answers how many it
     * anonymized.
     */
    public int anonymizeKeptLoans(Instant now) {
        return inChunks(() -> anonymizeChunk(now));
    }

    private int anonymizeChunk(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(anonymizing("""
                        SELECT l.id, l.site_code, l.patron_key FROM loan l
                        WHERE l.patron_id IS NOT NULL AND l.returned_at IS NOT NULL AND l.returned_at <= %s
                          AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = l.id AND f.status = 'OPEN')
                        ORDER BY l.returned_at LIMIT ?2 FOR UPDATE OF l SKIP LOCKED""", "?1"))
                .setParameter(1, now).setParameter(2, CHUNK).getResultList();
        forget(rows);
        return rows.size();
    }

    /**
     * The statement that anonymizes the closed loans {@code closedLoans} selects (id, site, patron key; returned at or
     * before {@code %s}, which becomes the privacy policy's cut-off for the instant in parameter {@code asOf}; none
     * with an open fee of its own) and makes their notices and their fees (all settled) forget them
     * ({@link #UNLINK_FEES}); it answers the loans it changed. The fees' rows are changed by the statement, not
     * through their entities: {@code Fee} writes only the columns an entity changed, so a fee loaded in the same
     * transaction (a payment, a waiver, a lost item's refund) never writes its loan back.
     */
    private static String anonymizing(String closedLoans, String asOf) {
        String cutOff = "CAST(" + asOf + " AS timestamptz)"
                + " - (SELECT make_interval(days => keep_closed_loans_days) FROM privacy_policy)";
        return "WITH closed AS (" + closedLoans.formatted(cutOff) + "),"
                + " forgotten AS (UPDATE notice n SET loan_id = NULL FROM closed WHERE n.loan_id = closed.id),"
                + " unlinked AS (" + UNLINK_FEES + " FROM closed WHERE fee.loan_id = closed.id)"
                + " UPDATE loan l SET patron_id = NULL, patron_key = NULL FROM closed WHERE l.id = closed.id"
                + " RETURNING closed.id, closed.site_code, closed.patron_key";
    }

    /** Each anonymized loan is announced (its notices forgot it in the same statement). */
    private void forget(List<Object[]> rows) {
        for (Object[] row : rows) {
            UUID loanId = (UUID) row[0];
            outbox.publish(Topics.CIRCULATION_LOANS, (String) row[1], loanId.toString(),
                    new LoanAnonymized(loanId, (String) row[1], (String) row[2]));
        }
    }
}
