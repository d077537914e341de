package org.lrms.circulation.loan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.fee.FeeLedger;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.policy.NoticeStage;
import org.lrms.circulation.policy.OverdueStages;
import org.lrms.circulation.policy.PolicyMatrix;
import org.lrms.circulation.policy.PolicyRule;
import org.lrms.circulation.policy.store.PolicyService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanOverdue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily circulation sweep: loans past due go through the policy's overdue notice stages (a notice in the patron's
 * language per stage, {@code LoanOverdue} once, a block where the stage says so), and loans past the policy's
 * lost-after days are declared lost, charging the copy's price and the processing fee.
 */
@ApplicationScoped
public class LoanSweeper {

    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    PolicyService policies;

    @Inject
    FeeLedger ledger;

    @Inject
    CheckoutService checkouts;

    @Inject
    org.lrms.kit.outbox.Outbox outbox;

    @Inject
    CirculationConfig config;

    @Inject
    org.lrms.circulation.notice.Notices notices;

    /**
     * What one sweep did: loans newly overdue (their first stage), loans moved to a higher notice stage (the first
     * included), loans declared lost.
     */
    public record Sweep(int overdue, int advanced, int lost) {
    }

    @Scheduled(cron = "{circulation.sweep-cron}", identity = "loan-sweep")
    void daily() {
        sweep(Instant.now());
    }

    /**
     * The sweep as of {@code now}: every open overdue loan moves to the highest notice stage of its policy it has
     * reached (a notice for that stage; at most once per stage, so a second sweep the same day changes nothing),
     * then loans past the policy's lost-after days are declared lost.
     */
    @ActivateRequestContext
    public Sweep sweep(Instant now) {
        int overdue = 0;
        int advanced = 0;
        int lost = 0;
        Map<String, PolicyMatrix> matrices = new HashMap<>();
        UUID after = new UUID(0, 0); // the lowest uuid in PostgreSQL's order too
        while (true) {
            UUID from = after;
            List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select l.id, l.siteCode, l.patronType, c.circulationType, l.dueAt, l.overdueStage "
                                    + "from Loan l, Copy c where c.id = l.copyId and l.returnedAt is null "
                                    + "and l.lostAt is null and l.dueAt < ?1 and l.overdueStage < ?2 and l.id > ?3 "
                                    + "order by l.id", Object[].class)
                    .setParameter(1, now).setParameter(2, OverdueStages.MAX_STAGES).setParameter(3, from)
                    .setMaxResults(BATCH).getResultList());
            for (Object[] row : batch) {
                PolicyRule rule = matrices.computeIfAbsent((String) row[1], policies::matrixFor)
                        .resolve((String) row[1], (String) row[2], (String) row[3]).orElse(null);
                if (rule == null || OverdueStages.reached(rule.overdueNotices(), (Instant) row[4], now)
                        <= (Integer) row[5]) {
                    continue;
                }
                UUID id = (UUID) row[0];
                int before = QuarkusTransaction.requiringNew().call(() -> advance(id, rule, now));
                if (before >= 0) {
                    advanced++;
                    if (before == 0) {
                        overdue++;
                    }
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = (UUID) batch.get(batch.size() - 1)[0];
        }
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select l.id from Loan l where l.returnedAt is null and l.lostAt is null and l.dueAt < ?1",
                        UUID.class)
                .setParameter(1, now.minus(Duration.ofDays(1))).getResultList());
        for (UUID id : candidates) {
            if (QuarkusTransaction.requiringNew().call(() -> declareLostIfDue(id, now, matrices))) {
                lost++;
            }
        }
        return new Sweep(overdue, advanced, lost);
    }

    /**
     * Moves one loan to the highest stage it has reached, under its row lock; answers the stage it had before, or -1
     * when there was nothing to do (returned meanwhile, or another sweep was first).
     */
    private int advance(UUID id, PolicyRule rule, Instant now) {
        Loan loan = Loan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null || !loan.isOpen() || loan.lostAt != null) {
            return -1;
        }
        List<NoticeStage> stages = rule.overdueNotices();
        int stage = OverdueStages.reached(stages, loan.dueAt, now);
        int before = loan.overdueStage;
        if (stage <= before) {
            return -1;
        }
        loan.overdueStage = stage;
        boolean blocks = OverdueStages.blocksAt(stages, stage);
        loan.overdueBlock = loan.overdueBlock || blocks;
        if (before == 0) {
            Copy copy = Copy.findById(loan.copyId);
            int days = (int) Math.max(1, OverdueStages.daysOverdue(loan.dueAt, now));
            outbox.publish(Topics.CIRCULATION_LOANS, loan.siteCode, loan.id.toString(),
                    new LoanOverdue(checkouts.snapshot(loan, copy), days));
        }
        // one notice, for the highest stage reached: skipped stages (a sweep that did not run) are not sent late
        notice(loan, "OVERDUE", stage, blocks, now);
        return before;
    }

    private boolean declareLostIfDue(UUID id, Instant now, Map<String, PolicyMatrix> matrices) {
        Loan loan = Loan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null || !loan.isOpen() || loan.lostAt != null) {
            return false;
        }
        Copy copy = Copy.findById(loan.copyId, LockModeType.PESSIMISTIC_WRITE);
        PolicyRule rule = matrices.computeIfAbsent(loan.siteCode, policies::matrixFor)
                .resolve(loan.siteCode, loan.patronType, copy.circulationType).orElse(null);
        if (rule == null || loan.dueAt.plus(Duration.ofDays(rule.lostAfterDays())).isAfter(now)) {
            return false;
        }
        loan.lostAt = now;
        copy.circulationState = Copy.LOST;
        outbox.publish(Topics.CIRCULATION_LOANS, loan.siteCode, loan.id.toString(),
                new LoanDeclaredLost(checkouts.snapshot(loan, copy)));
        Patron patron = loan.patronId == null ? null : Patron.findById(loan.patronId, LockModeType.PESSIMISTIC_WRITE);
        boolean replacementCharged = patron != null && copy.price != null && copy.price.signum() > 0;
        if (!replacementCharged) {
            // no LOST fee (the catalog has no price for the copy): none will ever be paid or waived to settle the
            // loan, which would otherwise count as overdue and keep its overdue block for good; nothing is owed for
            // the copy, so it is settled now, as a LOST fee paid would settle it (a return later closes it as usual)
            loan.lostSettledAt = now;
        }
        if (patron != null) {
            if (replacementCharged) {
                ledger.assess(patron, loan.siteCode, "LOST", copy.price, loan.id, copy, "replacement cost");
            }
            if (rule.processingFee().compareTo(BigDecimal.ZERO) > 0) {
                ledger.assess(patron, loan.siteCode, "PROCESSING", rule.processingFee(), loan.id, copy,
                        "processing of a lost item");
            }
            notice(loan, "LOST", 1, false, now);
        }
        return true;
    }

    private void notice(Loan loan, String kind, int stage, boolean blocks, Instant now) {
        if (loan.patronId != null) {
            notices.record(loan.patronId, null, kind, stage, blocks, loan.id, null, null, now);
        }
    }
}
