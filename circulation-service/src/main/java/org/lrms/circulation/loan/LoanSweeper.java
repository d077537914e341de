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
import org.lrms.circulation.policy.PolicyMatrix;
import org.lrms.circulation.policy.PolicyRule;
import org.lrms.circulation.policy.store.PolicyService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanOverdue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily circulation sweep: loans past due are announced overdue (once, with a notice in the patron's language),
 * and loans past the policy's lost-after days are declared lost, charging the copy's price and the processing fee.
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

    /** What one sweep did. */
    public record Sweep(int overdue, int lost) {
    }

    @Scheduled(cron = "{circulation.sweep-cron}", identity = "loan-sweep")
    void daily() {
        sweep(Instant.now());
    }

    @ActivateRequestContext
    public Sweep sweep(Instant now) {
        int overdue = 0;
        int lost = 0;
        Map<String, PolicyMatrix> matrices = new HashMap<>();
        while (true) {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select l.id from Loan l where l.returnedAt is null and l.lostAt is null "
                                    + "and l.overdueStage = 0 and l.dueAt < ?1", UUID.class)
                    .setParameter(1, now).setMaxResults(BATCH).getResultList());
            for (UUID id : ids) {
                QuarkusTransaction.requiringNew().run(() -> markOverdue(id, now));
            }
            overdue += ids.size();
            if (ids.size() < BATCH) {
                break;
            }
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
        return new Sweep(overdue, lost);
    }

    private void markOverdue(UUID id, Instant now) {
        Loan loan = Loan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (loan == null || !loan.isOpen() || loan.overdueStage > 0) {
            return;
        }
        loan.overdueStage = 1;
        Copy copy = Copy.findById(loan.copyId);
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(loan.dueAt, now));
        outbox.publish(Topics.CIRCULATION_LOANS, loan.siteCode, loan.id.toString(),
                new LoanOverdue(checkouts.snapshot(loan, copy), days));
        notice(loan, "OVERDUE", now);
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
        if (patron != null) {
            if (copy.price != null && copy.price.signum() > 0) {
                ledger.assess(patron, loan.siteCode, "LOST", copy.price, loan.id, copy, "replacement cost");
            }
            if (rule.processingFee().compareTo(BigDecimal.ZERO) > 0) {
                ledger.assess(patron, loan.siteCode, "PROCESSING", rule.processingFee(), loan.id, copy,
                        "processing of a lost item");
            }
            notice(loan, "LOST", now);
        }
        return true;
    }

    private void notice(Loan loan, String kind, Instant now) {
        Patron patron = loan.patronId == null ? null : Patron.findById(loan.patronId);
        if (patron == null) {
            return;
        }
        em.createNativeQuery("INSERT INTO notice (id, patron_id, site_code, kind, stage, language, loan_id, homeroom, "
                        + "created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, patron.id).setParameter(3, patron.homeSite)
                .setParameter(4, kind).setParameter(5, patron.language).setParameter(6, loan.id)
                .setParameter(7, patron.homeroom).setParameter(8, now).executeUpdate();
    }
}
