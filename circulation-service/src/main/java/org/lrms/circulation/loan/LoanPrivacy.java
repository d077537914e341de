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
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The privacy rule (closed holds and settled fees: {@link #anonymizeClosedHolds}, {@link #detachSettledFees}): a
 * closed loan keeps no patron once the patron owes nothing and the period of the district's
 * privacy policy ({@link PrivacyPolicies}: none by default) has passed: neither the patron id nor the
 * pseudonymous key (this service could recompute the key of every patron), and the loan's notices forget it. With no
 * period, that happens at check-in, or when the last fee is paid, waived or cancelled; with one, the nightly run takes
 * the loans whose period is over. Each loan that loses its link is announced ({@code LoanAnonymized}) in the same
 * transaction, so reporting drops its patron-level rows of that loan; a return that drops the link itself
 * ({@link #forgetOnReturn}) says so in its {@code LoanClosed} instead.
 * <p>
 * The common return (nothing owed, nothing changed what is owed, no period) drops only its own loan's link, not every
 * closed loan of the patron ({@link #anonymizeClosedLoans}): a settled patron has no other closed loan still linked
 * under the default policy, because
 * <ul>
 * <li>a balance reaches 0 only through {@code FeeLedger.settled} (a payment, a waiver, a bulk waiver, a textbook
 *     charge cancelled, a lost item's fee forgiven when it comes back), which runs {@link #anonymizeClosedLoans};
 *     a fee assessed (an overdue fine, a manual or textbook charge, a lost item's fees) only raises it;</li>
 * <li>a return that may charge (overdue) or refund (declared lost) keeps the statement; a return of a patron who
 *     owes something leaves its loan linked until the balance reaches 0 (above);</li>
 * <li>offline returns go through the same check-in.</li>
 * </ul>
 * Left linked all the same: the loans of a period shortened to 0 (until the next nightly run), a return dated ahead
 * of the server's clock, and what unlocked reads of the balance can leave in a race between two desks. The check-in
 * reads whether the patron has any closed loan still linked (in the statement that reads the loan) and then keeps the
 * statement, so what it anonymizes is what it did before; the nightly run takes any leftover of a settled patron.
 */
@ApplicationScoped
public class LoanPrivacy {

    /** Loans the nightly run anonymizes per transaction. */
    static final int CHUNK = 1000;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The patron owes nothing now: their closed loans past the policy's period lose the link (all, by default). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymizeClosedLoans(UUID patronId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(anonymizing("""
                        SELECT id, site_code, patron_key FROM loan
                        WHERE patron_id = ?1 AND returned_at IS NOT NULL AND returned_at <= %s FOR UPDATE""", "?2"))
                .setParameter(1, patronId)
                .setParameter(2, Instant.now())
                .getResultList();
        forget(rows);
        return rows.size();
    }

    /**
     * The return of a patron who owes nothing, under a policy that keeps no closed loan, with no other closed loan
     * still linked ({@code CheckoutService}): the loan loses its patron in the statement that closes it
     * ({@code DeskStatements.close}), and here its notices forget it (a loan the sweep found overdue and that was
     * renewed since has overdue notices; {@code noticed} says whether any names it). The caller's {@code LoanClosed}
     * announces it ({@code patronForgotten}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetOnReturn(UUID loanId, boolean noticed) {
        if (noticed) {
            // only the notice table: no flush of the session's changes first
            em.createNativeQuery("UPDATE notice SET loan_id = NULL WHERE loan_id = ?1")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("notice")
                    .setParameter(1, loanId).executeUpdate();
        }
    }

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
     * balance, kind, site, loan, copy, dates and its transactions stay, so the ledger's totals and receipts still add
     * up; the fee no longer appears among the patron's, and each is announced ({@code FeeDetached}) so reporting
     * forgets its patron key. A fee whose loan is still open (a lost item paid for, which a return would refund to the
     * borrower) waits for the loan to close. Answers how many.
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
     * The nightly run as of {@code now}: closed loans returned longer ago than the kept period, of patrons who owe
     * nothing, lose their patron, a chunk per transaction. Loans locked by a desk are left for the next run. It also
     * takes any closed loan of a settled patron that an earlier path left linked. Answers how many it anonymized.
     */
    public int anonymizeKeptLoans(Instant now) {
        return inChunks(() -> anonymizeChunk(now));
    }

    private int anonymizeChunk(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(anonymizing("""
                        SELECT l.id, l.site_code, l.patron_key FROM loan l JOIN patron p ON p.id = l.patron_id
                        WHERE l.patron_id IS NOT NULL AND l.returned_at IS NOT NULL AND l.returned_at <= %s
                          AND p.fee_balance = 0
                        ORDER BY l.returned_at LIMIT ?2 FOR UPDATE OF l, p SKIP LOCKED""", "?1"))
                .setParameter(1, now).setParameter(2, CHUNK).getResultList();
        forget(rows);
        return rows.size();
    }

    /**
     * The statement that anonymizes the closed loans {@code closedLoans} selects (id, site, patron key; returned at or
     * before {@code %s}, which becomes the privacy policy's cut-off for the instant in parameter {@code asOf}) and
     * makes their notices forget them; it answers the loans it changed.
     */
    private static String anonymizing(String closedLoans, String asOf) {
        String cutOff = "CAST(" + asOf + " AS timestamptz)"
                + " - (SELECT make_interval(days => keep_closed_loans_days) FROM privacy_policy)";
        return "WITH closed AS (" + closedLoans.formatted(cutOff) + "),"
                + " forgotten AS (UPDATE notice n SET loan_id = NULL FROM closed WHERE n.loan_id = closed.id)"
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
