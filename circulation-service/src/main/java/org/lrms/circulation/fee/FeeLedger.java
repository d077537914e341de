package org.lrms.circulation.fee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.loan.IdempotentRequests;
import org.lrms.circulation.loan.LoanPrivacy;
import org.lrms.circulation.notice.Notices;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.patron.PatronKeys;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.circulation.staff.StaffPermissions;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One ledger per patron: fees, payments, waivers, refunds. {@code Patron.feeBalance} follows every change, so the
 * desk reads what a patron owes from one row.
 */
@ApplicationScoped
public class FeeLedger {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SiteScope scope;

    @Inject
    PatronKeys keys;

    @Inject
    LoanPrivacy privacy;

    @Inject
    Notices notices;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    StaffPermissions permissions;

    @Inject
    CirculationConfig config;

    @Inject
    ObjectMapper json;

    /** Adds a fee to a patron's account, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Fee assess(Patron patron, String siteCode, String kind, BigDecimal amount, UUID loanId, Copy copy,
                      String note) {
        Fee fee = new Fee();
        fee.id = UUID.randomUUID();
        fee.patronId = patron.id;
        fee.siteCode = siteCode;
        fee.kind = kind;
        fee.amount = amount.setScale(2);
        fee.balance = fee.amount;
        fee.loanId = loanId;
        fee.copyId = copy == null ? null : copy.id;
        fee.note = note;
        fee.createdAt = Instant.now();
        fee.createdBy = scope.isAnonymous() ? "system" : scope.userName();
        fee.persist();
        patron.feeBalance = patron.feeBalance.add(fee.amount);
        outbox.publish(Topics.CIRCULATION_FEES, siteCode, fee.id.toString(),
                new FeeAssessed(snapshot(fee, patron, copy)));
        if (!NO_FINE_NOTICE.contains(kind)) {
            fineNotice(patron, fee);
        }
        return fee;
    }

    /** A lost item's fees come with the LOST notice; every other fee gets a FINE notice. */
    private static final Set<String> NO_FINE_NOTICE = Set.of("LOST", "PROCESSING");

    /** The patron is told of the fee (by e-mail or a printed slip, see Notices), in their language. */
    private void fineNotice(Patron patron, Fee fee) {
        notices.record(patron.id, null, "FINE", 1, false, fee.loanId, null, fee.id, fee.createdAt);
    }

    /**
     * A charge staff add by hand; a retry with the same {@code Idempotency-Key} (a desk that timed out) answers the
     * first fee again and charges nothing more (claimed once the patron is locked and the site in scope).
     */
    @Transactional
    public IdempotentRequests.Answer charge(UUID patronId, FeeRequests.Charge request, String idempotencyKey) {
        Patron patron = lockedPatron(patronId);
        String site = SiteService.normalize(request.siteCode());
        scope.requireManage(site);
        // the key is the patron's: reused for another patron, it is another charge
        return idempotent.once("charge " + patron.id, idempotencyKey, request, 201,
                () -> FeeView.of(assess(patron, site, request.kind().toUpperCase(Locale.ROOT), request.amount(),
                        null, null, request.note())));
    }

    public List<Fee> fees(UUID patronId, boolean openOnly) {
        Patron patron = Patron.findById(patronId);
        if (patron == null) {
            throw ProblemException.notFound("patron", patronId.toString());
        }
        scope.requireManage(patron.homeSite);
        return openOnly
                ? Fee.list("patronId = ?1 and status = 'OPEN' order by createdAt", patronId)
                : Fee.list("patronId = ?1 order by createdAt", patronId);
    }

    /** The loans of these fees still linked to the patron (not anonymized by the privacy policy). */
    @SuppressWarnings("unchecked")
    public Set<UUID> loansStillThePatrons(UUID patronId, List<Fee> fees) {
        List<UUID> loanIds = fees.stream().map(f -> f.loanId).filter(Objects::nonNull).distinct().toList();
        if (loanIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery(
                        "SELECT id FROM loan WHERE id = ANY (CAST(?1 AS uuid[])) AND patron_id = ?2", UUID.class)
                .setParameter(1, loanIds.toArray(UUID[]::new)).setParameter(2, patronId).getResultList());
    }

    /**
     * A payment; a retry with the same {@code Idempotency-Key} (a desk that timed out) answers the first receipt again
     * and books nothing more. The key is claimed once the patron is locked and in scope: a concurrent retry waits for
     * the first payment's commit, then replays its receipt.
     */
    @Transactional
    public IdempotentRequests.Answer pay(UUID patronId, FeeRequests.Payment payment, String idempotencyKey) {
        Patron patron = lockedPatron(patronId);
        String desk = deskSite(payment.siteCode());
        // the key is the patron's: reused for another patron, it is another payment
        return idempotent.once("payment " + patron.id, idempotencyKey, payment, 201,
                () -> pay(patron, payment, desk));
    }

    /**
     * The site of the desk taking a payment: one of the site staff's own sites (required: 400 without, 403 for a site
     * their token does not hold); any site for district-wide staff, or null (each fee's own site is booked).
     */
    private String deskSite(String requested) {
        if (requested == null || requested.isBlank()) {
            if (scope.isDistrictWide()) {
                return null;
            }
            throw ProblemException.badRequest("siteCode", "is required: the site of the desk taking the payment");
        }
        scope.requireManage(SiteService.normalize(requested));
        return BulkSelection.known(requested, "siteCode");
    }

    private FeeRequests.Receipt pay(Patron patron, FeeRequests.Payment payment, String desk) {
        UUID patronId = patron.id;
        List<Fee> open = payment.feeId() == null
                ? Fee.list("patronId = ?1 and status = 'OPEN' order by createdAt", patronId)
                : Fee.list("id = ?1 and patronId = ?2 and status = 'OPEN'", payment.feeId(), patronId);
        if (payment.feeId() != null && open.isEmpty()) {
            throw ProblemException.unprocessable("fee-not-open", "the patron has no open fee " + payment.feeId());
        }
        BigDecimal owed = open.stream().map(f -> f.balance).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = payment.amount().setScale(2);
        if (amount.compareTo(owed) > 0) {
            throw new ProblemException(422, "Request cannot be carried out", "payment-above-balance",
                    "the payment of " + amount + " is more than the " + owed + " owed",
                    List.of(new Problem.FieldError("amount", "must not exceed " + owed)));
        }
        String receiptNo = receiptNo();
        String method = payment.method().toUpperCase(Locale.ROOT);
        BigDecimal left = amount;
        List<FeeRequests.Applied> applied = new ArrayList<>();
        for (Fee fee : open) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(fee.balance);
            fee.balance = fee.balance.subtract(part);
            if (fee.balance.signum() == 0) {
                fee.status = "PAID";
                lostFeeSettled(fee);
            }
            left = left.subtract(part);
            // no desk named (district-wide staff): none is recorded; the ledger counts the fee's own site
            record(fee, "PAYMENT", part, method, null, receiptNo, desk, null);
            applied.add(new FeeRequests.Applied(fee.id, part, fee.balance));
            outbox.publish(Topics.CIRCULATION_FEES, fee.siteCode, fee.id.toString(),
                    new FeePaid(snapshot(fee, patron, null), part, method, desk));
        }
        settled(patron, amount.negate());
        loansSettled(open);
        return new FeeRequests.Receipt(receiptNo, patronId, amount, applied, patron.feeBalance);
    }

    /**
     * A waiver; a retry with the same {@code Idempotency-Key} answers the first answer again and waives nothing more
     * (claimed once the fee is locked and in scope, before its status is read: a retry of a full waiver is no 409).
     */
    @Transactional
    public IdempotentRequests.Answer waive(UUID feeId, FeeRequests.Waiver waiver, String idempotencyKey) {
        Fee fee = Fee.findById(feeId);
        if (fee == null) {
            throw ProblemException.notFound("fee", feeId.toString());
        }
        scope.requireManage(fee.siteCode);
        permissions.require(StaffPermissions.WAIVE_FEES, fee.siteCode, "a waiver");
        // the patron first, then the fee, as a payment and a bulk waiver lock them: no deadlock between them
        if (fee.patronId != null) {
            lockedPatron(fee.patronId);
        }
        em.refresh(fee, LockModeType.PESSIMISTIC_WRITE);
        IdempotentRequests.Answer answer = idempotent.once("waiver " + fee.id, idempotencyKey, waiver, 200,
                () -> view(waive(fee, waiver)));
        return loanAsShownNow(answer, fee);
    }

    /**
     * The fee as {@code GET /patrons/{id}/fees} shows it: its loan only while that loan is still the patron's (a
     * waiver of a closed loan's last open fee anonymizes the loan, so the answer names no loan).
     */
    private FeeView view(Fee fee) {
        return FeeView.of(fee, fee.loanId != null && fee.patronId != null
                && loansStillThePatrons(fee.patronId, List.of(fee)).contains(fee.loanId));
    }

    /**
     * A waiver's answer replayed for a retry names the loan only if it still is the patron's: the first answer may have
     * named it before the loan was anonymized (a later payment, return or nightly run). {@code fee} is read again
     * (locked), so its loan is as stored now. Only the loan is taken out: the rest of the first answer stays as it was.
     */
    private IdempotentRequests.Answer loanAsShownNow(IdempotentRequests.Answer answer, Fee fee) {
        try {
            FeeView first = json.readValue(answer.body(), FeeView.class);
            if (first.loanId() == null || view(fee).loanId() != null) {
                return answer;
            }
            return new IdempotentRequests.Answer(answer.status(), json.writeValueAsString(first.withoutLoan()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the waiver's answer cannot be read again", e);
        }
    }

    private Fee waive(Fee fee, FeeRequests.Waiver waiver) {
        if (!Fee.OPEN.equals(fee.status)) {
            throw ProblemException.conflict("fee-not-open", "the fee is " + fee.status);
        }
        BigDecimal amount = waiver.amount() == null ? fee.balance : waiver.amount().setScale(2);
        if (amount.compareTo(fee.balance) > 0) {
            throw new ProblemException(422, "Request cannot be carried out", "waiver-above-balance",
                    "the waiver of " + amount + " is more than the fee's balance of " + fee.balance,
                    List.of(new Problem.FieldError("amount", "must not exceed " + fee.balance)));
        }
        Patron patron = lockedPatron(fee.patronId);
        waivePart(fee, patron, amount, waiver.reason().strip());
        settled(patron, amount.negate());
        lostFeeSettled(fee);
        loansSettled(List.of(fee));
        return fee;
    }

    /**
     * What a year-end bulk waiver would waive: open fees, patrons and amount, per home site of the patrons. Changes
     * nothing.
     */
    @Transactional
    public FeeRequests.BulkWaiverResult bulkWaiverPreview(FeeRequests.BulkWaiver request) {
        scope.requireDistrict();
        BulkSelection selection = BulkSelection.of(request);
        var query = em.createQuery("select p.homeSite, count(f), count(distinct f.patronId), sum(f.balance) "
                + "from Fee f, Patron p where p.id = f.patronId and f.status = 'OPEN' and "
                + selection.where() + " group by p.homeSite order by p.homeSite", Object[].class);
        selection.bind(query);
        List<FeeRequests.BulkWaiverSite> sites = query.getResultList().stream()
                .map(r -> new FeeRequests.BulkWaiverSite((String) r[0], ((Number) r[1]).intValue(),
                        ((Number) r[2]).intValue(), ((BigDecimal) r[3]).setScale(2)))
                .toList();
        return BulkSelection.result(true, 0, sites);
    }

    /**
     * Waives every open fee of the patrons the request selects (see {@link FeeRequests.BulkWaiver}), each with its
     * {@code FeeWaived}, {@code circulation.bulk-waivers.patrons-per-transaction} patrons (500) per transaction: a
     * district's graduating class is tens of thousands of fees. Each transaction locks its patrons, in id order (as a
     * payment locks its patron before its fees), so a payment at a desk meanwhile waits, and waives what is open of
     * theirs then; every waiver is tagged with the run ({@code fee_transaction.bulk_waiver_id}), and the answer is
     * counted from those tags once the last patron is done. So a retry with the same {@code Idempotency-Key} answers
     * the first answer and waives nothing more; a retry after a crash part-way (the key's run not answered) goes on
     * with the same run: what was waived is not open any more, the rest is waived, and the answer counts both; a retry
     * without a key finds the fees waived already (only fees assessed since would be waived).
     */
    public IdempotentRequests.Answer bulkWaive(FeeRequests.BulkWaiver request, String idempotencyKey) {
        scope.requireDistrict();
        BulkSelection selection = QuarkusTransaction.requiringNew().call(() -> BulkSelection.of(request));
        IdempotentRequests.LongRequest run = idempotent.begin("bulk-waiver", idempotencyKey, request);
        if (run.answer() != null) {
            return run.answer();
        }
        String reason = request.reason().strip();
        int size = config.bulkWaivers().patronsPerTransaction();
        UUID after = new UUID(0, 0); // the lowest uuid in PostgreSQL's order too
        while (after != null) {
            UUID from = after;
            after = QuarkusTransaction.requiringNew().timeout(CHUNK_TIMEOUT_SECONDS)
                    .call(() -> bulkWaiveChunk(selection, reason, run.runId(), from, size));
        }
        FeeRequests.BulkWaiverResult result = QuarkusTransaction.requiringNew().call(() -> bulkWaived(run.runId()));
        return idempotent.finish(run, 200, result);
    }

    /** A transaction of a bulk waiver: 500 patrons, a few fees each. */
    private static final int CHUNK_TIMEOUT_SECONDS = 300;

    /**
     * Locks the next {@code size} selected patrons with an open fee after {@code after} (in id order) and waives
     * their open fees under the run {@code runId}; answers the last patron's id, or null when none is left.
     */
    private UUID bulkWaiveChunk(BulkSelection selection, String reason, UUID runId, UUID after, int size) {
        var patronQuery = em.createQuery("select p from Patron p where " + selection.where()
                        + " and p.id > :after and exists (select 1 from Fee f where f.patronId = p.id "
                        + "and f.status = 'OPEN') order by p.id", Patron.class)
                .setParameter("after", after).setMaxResults(size).setLockMode(LockModeType.PESSIMISTIC_WRITE);
        selection.bind(patronQuery);
        List<Patron> locked = patronQuery.getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        Map<UUID, Patron> patrons = new LinkedHashMap<>();
        locked.forEach(p -> patrons.put(p.id, p));
        List<Fee> fees = em.createQuery("select f from Fee f where f.patronId in :patrons and f.status = 'OPEN' "
                + "order by f.patronId, f.createdAt, f.id", Fee.class)
                .setParameter("patrons", patrons.keySet()).getResultList();
        Map<UUID, BigDecimal> waivedOf = new LinkedHashMap<>();
        for (Fee fee : fees) {
            Patron patron = patrons.get(fee.patronId);
            BigDecimal amount = fee.balance;
            waivePart(fee, patron, amount, reason, runId);
            lostFeeSettled(fee);
            waivedOf.merge(patron.id, amount, BigDecimal::add);
        }
        waivedOf.forEach((patronId, amount) -> settled(patrons.get(patronId), amount.negate()));
        loansSettled(fees);
        return locked.size() < size ? null : locked.get(locked.size() - 1).id;
    }

    /** What the run {@code runId} waived, from its tagged waivers: fees, patrons and amount per home site. */
    private FeeRequests.BulkWaiverResult bulkWaived(UUID runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.home_site, count(*), count(DISTINCT f.patron_id), "
                        + "sum(t.amount) FROM fee_transaction t JOIN fee f ON f.id = t.fee_id "
                        + "JOIN patron p ON p.id = f.patron_id WHERE t.bulk_waiver_id = ?1 "
                        + "GROUP BY p.home_site ORDER BY p.home_site")
                .setParameter(1, runId).getResultList();
        List<FeeRequests.BulkWaiverSite> sites = rows.stream()
                .map(r -> new FeeRequests.BulkWaiverSite((String) r[0], ((Number) r[1]).intValue(),
                        ((Number) r[2]).intValue(), ((BigDecimal) r[3]).setScale(2)))
                .toList();
        return BulkSelection.result(false, sites.stream().mapToInt(FeeRequests.BulkWaiverSite::fees).sum(), sites);
    }

    /**
     * A LOST fee paid or waived in full: its loan, still open (the copy is not back), stops counting as overdue and
     * towards the overdue block (the patron paid for the copy, or staff let it go). A return later still refunds.
     */
    private void lostFeeSettled(Fee fee) {
        if (!"LOST".equals(fee.kind) || fee.loanId == null || fee.balance.signum() != 0) {
            return;
        }
        em.createNativeQuery("UPDATE loan SET lost_settled_at = ?2 WHERE id = ?1 AND lost_at IS NOT NULL "
                        + "AND returned_at IS NULL AND lost_settled_at IS NULL AND NOT EXISTS (SELECT 1 FROM fee f "
                        + "WHERE f.loan_id = ?1 AND f.kind = 'LOST' AND f.status = 'OPEN' AND f.id <> ?3)")
                .setParameter(1, fee.loanId).setParameter(2, Instant.now()).setParameter(3, fee.id)
                .executeUpdate();
    }

    /**
     * A lost item came back (the loan {@code loanId}, declared lost at {@code lostAt}, or null) to the desk of
     * {@code deskSite}: its lost fee is forgiven, and what was paid of it is refunded there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundLostIfReturned(Patron patron, UUID loanId, Instant lostAt, String deskSite) {
        if (lostAt == null) {
            return; // a LOST fee is booked only by the sweep declaring the loan lost, which sets lostAt with it
        }
        // the loan is still open until this return, so never anonymized yet: its fees still name it
        List<Fee> lost = Fee.list("loanId = ?1 and kind = 'LOST' and status <> 'WAIVED'", loanId);
        // a check-in names its site without this service knowing it (the copy replica's site, a site not synced
        // yet): the refund is then booked without a desk, as the ledger's fee site counts it, not refused
        String desk = lost.isEmpty() || deskSite == null || Site.findById(deskSite) == null ? null : deskSite;
        for (Fee fee : lost) {
            forgive(fee, patron, "lost item returned", "RETURNED", desk);
        }
        // once every fee is forgiven and refunded: the loan, closed, may be anonymized now (its fees lose it)
        loansSettled(lost);
    }

    /**
     * The textbook service cancelled the charge this fee books: what is open is waived, what was paid is refunded
     * (as for a lost library item returned). A fee already cancelled or waived is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelCharge(Fee fee, String reason) {
        if ("CANCELLED".equals(fee.status) || "WAIVED".equals(fee.status)) {
            return;
        }
        // a settled fee past the finance retention has no patron any more (LoanPrivacy): its refund needs none
        Patron patron = fee.patronId == null ? null : Patron.findById(fee.patronId, LockModeType.PESSIMISTIC_WRITE);
        // no desk: the textbook service's cancellation is refunded at the fee's site
        forgive(fee, patron, reason, "CANCELLED", fee.siteCode);
        loansSettled(List.of(fee));
    }

    private void forgive(Fee fee, Patron patron, String reason, String finalStatus, String deskSite) {
        BigDecimal paid = fee.amount.subtract(fee.balance);
        if (fee.balance.signum() > 0) {
            BigDecimal open = fee.balance;
            waivePart(fee, patron, open, reason);
            settled(patron, open.negate());
        }
        fee.status = finalStatus;
        // the caller then lets the fee's loan go (privacy): the refund is booked and announced while the fee still
        // names it
        if (paid.signum() > 0) {
            String receiptNo = receiptNo();
            record(fee, "REFUND", paid, null, reason, receiptNo, deskSite, null);
            outbox.publish(Topics.CIRCULATION_FEES, fee.siteCode, fee.id.toString(),
                    new FeeRefunded(snapshot(fee, patron, null), paid, reason, receiptNo, deskSite));
        }
    }

    private void waivePart(Fee fee, Patron patron, BigDecimal amount, String reason) {
        waivePart(fee, patron, amount, reason, null);
    }

    /** A waiver, of the bulk waiver run {@code bulkWaiverId} or of none. */
    private void waivePart(Fee fee, Patron patron, BigDecimal amount, String reason, UUID bulkWaiverId) {
        fee.balance = fee.balance.subtract(amount);
        if (fee.balance.signum() == 0) {
            fee.status = "WAIVED";
        }
        record(fee, "WAIVER", amount, null, reason, receiptNo(), null, bulkWaiverId); // no money moves: no desk
        outbox.publish(Topics.CIRCULATION_FEES, fee.siteCode, fee.id.toString(),
                new FeeWaived(snapshot(fee, patron, null), amount, reason));
    }

    /** Moves the patron's balance. */
    private void settled(Patron patron, BigDecimal change) {
        patron.feeBalance = patron.feeBalance.add(change);
    }

    /**
     * Of these fees, those no longer open may have been the last open fee of their loan: a closed loan then loses its
     * patron link (privacy, {@code LoanPrivacy}). What the patron still owes for other loans or charges does not keep
     * it.
     */
    private void loansSettled(List<Fee> fees) {
        Set<UUID> loans = new HashSet<>();
        for (Fee fee : fees) {
            if (fee.loanId != null && !Fee.OPEN.equals(fee.status)) {
                loans.add(fee.loanId);
            }
        }
        privacy.anonymizeSettledLoans(loans);
    }

    /** A movement of the fee, by the staff member of the request ({@code system} without one), at a desk or none. */
    private void record(Fee fee, String kind, BigDecimal amount, String method, String reason, String receiptNo,
                        String deskSite, UUID bulkWaiverId) {
        em.createNativeQuery("INSERT INTO fee_transaction (id, fee_id, kind, amount, method, reason, receipt_no, at, "
                        + "by_user, desk_site, bulk_waiver_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, fee.id).setParameter(3, kind)
                .setParameter(4, amount).setParameter(5, method).setParameter(6, reason)
                .setParameter(7, receiptNo).setParameter(8, Instant.now())
                .setParameter(9, scope.isAnonymous() ? "system" : scope.userName())
                .setParameter(10, deskSite)
                .setParameter(11, bulkWaiverId)
                .executeUpdate();
    }

    private Patron lockedPatron(UUID patronId) {
        Patron patron = Patron.findById(patronId, LockModeType.PESSIMISTIC_WRITE);
        if (patron == null) {
            throw ProblemException.notFound("patron", patronId.toString());
        }
        scope.requireManage(patron.homeSite);
        return patron;
    }

    /** The fee as its events tell it; a fee detached from its patron by the finance retention tells no patron. */
    private FeeSnapshot snapshot(Fee fee, Patron patron, Copy copy) {
        Copy c = copy != null ? copy : fee.copyId == null ? null : Copy.findById(fee.copyId);
        if (patron == null) {
            return new FeeSnapshot(fee.id, null, null, null, fee.siteCode, fee.kind, fee.amount, fee.balance,
                    fee.status, fee.loanId, fee.copyId, c == null ? null : c.materialType);
        }
        return new FeeSnapshot(fee.id, keys.of(patron.id), patron.patronType, patron.grade, fee.siteCode, fee.kind,
                fee.amount, fee.balance, fee.status, fee.loanId, fee.copyId, c == null ? null : c.materialType);
    }

    private static String receiptNo() {
        return "R-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "").toUpperCase(Locale.ROOT);
    }
}
