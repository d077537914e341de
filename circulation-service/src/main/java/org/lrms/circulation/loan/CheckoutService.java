package org.lrms.circulation.loan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.calendar.SiteCalendar;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.copy.CopyRow;
import org.lrms.circulation.fee.FeeLedger;
import org.lrms.circulation.hold.HoldQueue;
import org.lrms.circulation.loan.DeskStatements.Borrower;
import org.lrms.circulation.loan.DeskStatements.LoanRow;
import org.lrms.circulation.loan.DeskStatements.ReturnedLoan;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.patron.PatronKeys;
import org.lrms.circulation.policy.DeskRules;
import org.lrms.circulation.policy.DueDates;
import org.lrms.circulation.policy.Fines;
import org.lrms.circulation.policy.PolicyMatrix;
import org.lrms.circulation.policy.PolicyRule;
import org.lrms.circulation.policy.store.PolicyService;
import org.lrms.circulation.site.SiteService;
import org.lrms.circulation.staff.StaffPermissions;
import org.lrms.events.Topics;
import org.lrms.events.circulation.CopyArrived;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanRenewed;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Check-out, check-in and renewal at a desk: each one transaction of a few indexed statements.
 * <p>
 * A check-out and a check-in read the patron, the copy and the loan and write the loan and the copy's circulation
 * state through {@link DeskStatements} (plain JDBC, no entity), in the transaction Hibernate and the outbox share. So
 * that no entity's flush can undo one of those statements, nor an entity miss one, those rows are written there alone:
 * the rare paths change through entities only other rows (the patron and fees of a fined or lost return, holds), the
 * fee ledger only reads the copy a fee names (its entity is never changed, so never written), and a copy that
 * arrives with no loan is changed through its entity alone, loaded after the statements that locked and read it.
 * Renewals still go through the entities.
 */
@ApplicationScoped
public class CheckoutService {

    /** An answer to replay verbatim: the status and the JSON body. */
    public record Outcome(int status, String body) {
    }

    /** One loan's renewal in a renew-all: the new due date, or why not. */
    public record RenewalResult(UUID loanId, String itemBarcode, boolean renewed, Instant dueDate, String refusal,
                                String detail) {
    }

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    @Inject
    PolicyService policies;

    @Inject
    SiteCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    PatronKeys keys;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    FeeLedger ledger;

    @Inject
    HoldQueue holds;

    @Inject
    CirculationConfig config;

    @Inject
    LoanPrivacy privacy;

    @Inject
    DeskStatements desk;

    @Inject
    StaffPermissions permissions;

    /** The sites' policy matrices and closed days as of the version of the desk rules a check-out read. */
    private final DeskRules deskRules = new DeskRules(DeskRules.DISTRICT_SITES);

    @Transactional
    public Outcome checkOut(CheckoutRequest request, String idempotencyKey) {
        return checkOut(request, idempotencyKey, Instant.now());
    }

    /** A check-out as of {@code at}: now at the desk, earlier for a transaction recorded offline. */
    @Transactional
    public Outcome checkOut(CheckoutRequest request, String idempotencyKey, Instant at) {
        String site = SiteService.normalize(request.siteCode());
        scope.requireManage(site);
        IdempotentRequests.Answer answer = idempotent.once("checkout", idempotencyKey, request, 201,
                () -> lend(site, request, at));
        return new Outcome(answer.status(), answer.body());
    }

    private LoanView lend(String site, CheckoutRequest request, Instant now) {
        List<CheckoutRefused> overridden = new ArrayList<>();
        String override = request.overrideReason() == null ? null : request.overrideReason().strip();

        Borrower borrower = desk.borrower(request.patronBarcode().strip(), now);
        if (borrower == null) {
            throw CheckoutRefused.unusable("unknown-patron", "no patron has barcode " + request.patronBarcode());
        }
        if (!borrower.isActive()) {
            throw CheckoutRefused.patronInactive(borrower.status(), confidential(borrower.homeSite()));
        }
        UUID patronId = borrower.patronId();
        CopyRow copy = lockedCopy(request.itemBarcode());
        HoldQueue.DeskHolds deskHolds = holds.deskHolds(copy);
        Optional<HoldQueue.SetAside> setAside = deskHolds.setAside();
        boolean pickupHere = setAside.isPresent() && setAside.get().patronId().equals(patronId)
                && setAside.get().pickupSite().equals(site) && Copy.ON_HOLD_SHELF.equals(copy.circulationState());
        if (!copy.siteCode().equals(site) && !pickupHere) {
            throw CheckoutRefused.refused("item-at-other-site", "the item belongs to site " + copy.siteCode())
                    .with("itemSite", copy.siteCode());
        }
        if (Copy.CHECKED_OUT.equals(copy.circulationState())) {
            throw CheckoutRefused.refused("item-on-loan", "the item is on loan; check it in first");
        }
        if (!copy.circulates() || Copy.IN_TRANSIT.equals(copy.circulationState())
                || Copy.LOST.equals(copy.circulationState())) {
            throw CheckoutRefused.refused("item-not-available", "the item is not available ("
                    + (copy.circulates() ? copy.circulationState() : copy.catalogStatus()) + ")");
        }
        // the rules as of the version read with the patron: kept in memory, read again only after a change
        long rulesVersion = borrower.rulesVersion();
        PolicyRule rule = PolicyService.resolve(deskRules.matrix(rulesVersion, site, policies::matrixFor), site,
                borrower.patronType(), copy.circulationType());

        // the patron's record (block note, balance, counts) only for staff of their home site and district staff;
        // read in a refusal only, from the borrower's row: nothing more on the desk's path
        refuseUnlessOverridden(overridden, override, () -> borrower.blocked()
                ? CheckoutRefused.patronBlocked(borrower.blockNote(), confidential(borrower.homeSite()), true)
                : null);
        BigDecimal owed = borrower.feeBalance();
        refuseUnlessOverridden(overridden, override, () -> owed.compareTo(config.blocks().feeLimit()) > 0
                ? CheckoutRefused.feesOwed(owed, config.blocks().feeLimit(), confidential(borrower.homeSite()), true)
                : null);
        long open = borrower.openLoans();
        long overdue = borrower.overdueLoans();
        long blocking = borrower.blockingLoans();
        refuseUnlessOverridden(overridden, override, () -> blocking > 0
                ? CheckoutRefused.overridable("overdue-block", confidential(borrower.homeSite())
                ? "the patron has overdue items at a notice stage that blocks borrowing until they are returned"
                : "the patron has " + blocking + " overdue item(s) at "
                + "a notice stage that blocks borrowing until they are returned")
                : null);
        refuseUnlessOverridden(overridden, override, () -> overdue >= config.blocks().maxOverdueItems()
                ? CheckoutRefused.overridable("too-many-overdue", confidential(borrower.homeSite())
                ? "the patron has too many overdue items; they must return some first"
                : "the patron has " + overdue + " overdue items")
                : null);
        refuseUnlessOverridden(overridden, override, () -> open >= rule.maxItems()
                ? CheckoutRefused.overridable("limit-reached", confidential(borrower.homeSite())
                ? "the patron has reached the limit of " + rule.maxItems() + " items out"
                : "the patron has " + open + " items out, the limit is " + rule.maxItems())
                : null);
        refuseUnlessOverridden(overridden, override, () -> setAside.isPresent()
                && !setAside.get().patronId().equals(patronId)
                ? CheckoutRefused.overridable("on-hold-for-another", "the item is set aside for another patron's hold")
                : null);
        // a copy not set aside may still be the one other patrons' title-level holds wait for (rare: only then query)
        refuseUnlessOverridden(overridden, override, () -> setAside.isEmpty() && deskHolds.titleWaited()
                ? holds.lendingLeavesHoldsUnfilled(copy, patronId, site)
                .map(detail -> CheckoutRefused.overridable("on-hold-for-another", detail)).orElse(null)
                : null);

        String staff = scope.userName();
        boolean overriding = !overridden.isEmpty();
        if (overriding && !permissions.holds(StaffPermissions.OVERRIDE_REFUSAL, site)) {
            // checked only when a refusal is overridden: a reason given where nothing is refused needs no supervisor
            String refusals = overridden.stream().map(CheckoutRefused::code).collect(Collectors.joining(", "));
            throw StaffPermissions.permissionRequired(StaffPermissions.OVERRIDE_REFUSAL, site,
                    "overriding " + refusals).with("refusals", refusals);
        }
        LoanRow loan = new LoanRow(UUID.randomUUID(), copy.id(), patronId, keys.of(patronId), borrower.patronType(),
                borrower.grade(), site, now, dueAt(site, rule, now, (s, from, to) ->
                deskRules.closedDays(rulesVersion, s, from, to, calendar::closedDaysIn)), 0,
                overriding ? override : null, overriding ? staff : null, staff, null, 0);
        desk.lend(loan);
        desk.circulationState(copy.id(), Copy.CHECKED_OUT, null);
        holds.fillOnLoan(copy, patronId, deskHolds);
        for (CheckoutRefused refusal : overridden) {
            auditOverride(loan.id(), refusal.code(), override, site, now);
        }
        outbox.publish(Topics.CIRCULATION_LOANS, site, loan.id().toString(),
                new LoanCreated(snapshot(loan, copy), loan.overrideReason()));
        return LoanView.of(loan, copy);
    }

    @Transactional
    public CheckinView checkIn(CheckinRequest request) {
        return checkIn(request, Instant.now());
    }

    /** A check-in as of {@code now}: the present at the desk, earlier for a transaction recorded offline. */
    @Transactional
    public CheckinView checkIn(CheckinRequest request, Instant now) {
        String site = SiteService.normalize(request.siteCode());
        scope.requireManage(site);
        CopyRow copy = lockedCopy(request.itemBarcode());
        ReturnedLoan returned = desk.openLoan(copy.id(), now);
        if (returned == null) {
            // in transit; on its own shelf and waited for (pulled for a hold); or another site's copy not on loan,
            // returned here (its loan closed already, or found on this site's shelves): it goes to the hold it fills,
            // or home
            if (!copy.circulates() && !copy.siteCode().equals(site)) {
                // withdrawn, missing... at the catalog: no hold may take it, and the desk is told where it belongs
                throw CheckoutRefused.refused("item-not-available", "the item is not available ("
                        + copy.catalogStatus() + "); it belongs to site " + copy.siteCode())
                        .with("itemSite", copy.siteCode());
            }
            if (Copy.IN_TRANSIT.equals(copy.circulationState())
                    || Copy.AVAILABLE.equals(copy.circulationState()) && !copy.siteCode().equals(site)
                    || Copy.AVAILABLE.equals(copy.circulationState()) && holds.hasWaitingHold(copy)) {
                // locked and read above; from here changed through its entity alone
                return arrive(Copy.findById(copy.id()), site);
            }
            throw CheckoutRefused.refused("not-on-loan", "the item is not on loan; shelve it");
        }
        LoanRow loan = returned.loan();
        if (loan.loanedAt().isAfter(now)) {
            // an offline check-in dated before the copy's open loan began returned an earlier loan, not this one
            throw CheckoutRefused.refused("loaned-after-check-in", "the item's open loan began at "
                    + loan.loanedAt() + ", after this check-in at " + now + "; it is not the loan returned then");
        }

        int daysOverdue = 0;
        BigDecimal fine = BigDecimal.ZERO.setScale(2);
        // a return that may change what the patron owes (a fine, a lost fee refunded) locks the patron, as payments
        // do, so a payment at another desk at the same instant waits instead of failing one of the two; so does the
        // return of a loan with an open fee (a fine assessed at a renewal): a payment of that fee at another desk
        // either commits first, and the privacy statement below sees it paid, or waits, and then finds the loan closed
        boolean overdue = now.isAfter(loan.dueAt());
        Patron locked = loan.patronId() != null && (overdue || loan.lostAt() != null || returned.feeOpen())
                ? Patron.findById(loan.patronId(), LockModeType.PESSIMISTIC_WRITE) : null;
        boolean forget = returned.forgetsPatron(now);
        // closed after the patron's lock, as the flush did: a payment settling a lost loan locks the patron, then the
        // loan; and before the ledger, whose privacy statement must find the loan closed
        desk.close(loan, now, site, forget);
        if (overdue) {
            PolicyRule rule = policies.resolve(loan.siteCode(), loan.patronType(), copy.circulationType());
            daysOverdue = daysOverdue(loan.siteCode(), loan.dueAt(), now);
            fine = Fines.overdueFine(daysOverdue, rule);
            if (fine.signum() > 0 && locked != null) {
                // the ledger only reads the copy's entity (the fee's copy, its material type): never written, its
                // flush writes nothing over the copy's state written below
                ledger.assess(locked, loan.siteCode(), "OVERDUE", fine, loan.id(), Copy.findById(copy.id()),
                        daysOverdue + " days overdue");
            }
        }
        HoldQueue.Routing routing = holds.route(copy, site);
        desk.circulationState(copy.id(), routing.nextCopyStatus(),
                Copy.IN_TRANSIT.equals(routing.nextCopyStatus()) ? routing.routeTo() : null);
        outbox.publish(Topics.CIRCULATION_LOANS, loan.siteCode(), loan.id().toString(),
                new LoanClosed(snapshot(loan, copy), now, site, routing.nextCopyStatus(), forget));
        if (locked != null) {
            // after LoanClosed: a lost fee forgiven may anonymize the loan, and its LoanAnonymized must come after
            ledger.refundLostIfReturned(locked, loan.id(), loan.lostAt(), site);
        }
        if (forget) {
            privacy.forgetOnReturn(loan.id(), returned.noticed(), returned.hasFees());
        } else if (loan.patronId() != null && (returned.closedLoansLinked() || returned.keepClosedLoansDays() == 0)) {
            // the loan may be free of fees only now (a fine of 0 within the grace days, a lost fee forgiven, its fee
            // paid at another desk meanwhile), or the patron has closed loans waiting for the rule: the statement
            // takes those without an open fee of their own
            anonymizeClosedLoans(loan.patronId());
        }
        return new CheckinView(loan.id(), copy.barcode(), now, daysOverdue, fine, routing.nextCopyStatus(),
                routing.routeTo(), routing.holdId());
    }

    /** A copy in transit reached a desk: its hold shelf, its home, or it travels on. */
    private CheckinView arrive(Copy copy, String site) {
        Instant now = Instant.now();
        // a copy pulled from its own shelf for a hold goes to the hold the pull list named
        HoldQueue.Routing routing = Copy.AVAILABLE.equals(copy.circulationState) && copy.siteCode.equals(site)
                ? holds.routeFromShelf(copy, site) : holds.route(CopyRow.of(copy), site);
        copy.circulationState = routing.nextCopyStatus();
        copy.inTransitTo = Copy.IN_TRANSIT.equals(routing.nextCopyStatus()) ? routing.routeTo() : null;
        if (routing.holdId() == null) {
            // a hold's HoldFilled tells the catalog otherwise; here nothing else would say the transit ended
            outbox.publish(Topics.CIRCULATION_LOANS, site, copy.id.toString(), new CopyArrived(copy.id, copy.barcode,
                    copy.siteCode, site, routing.nextCopyStatus(), now));
        }
        return new CheckinView(null, copy.barcode, now, 0, BigDecimal.ZERO.setScale(2),
                routing.nextCopyStatus(), routing.routeTo(), routing.holdId());
    }

    @Transactional
    public LoanView renew(UUID loanId) {
        return renew(loanId, null);
    }

    /**
     * Renews one loan. {@code overrideReason} renews anyway a loan refused because another patron waits for the
     * item ({@code on-hold-for-another}); the override is audited like a check-out override.
     */
    @Transactional
    public LoanView renew(UUID loanId, String overrideReason) {
        Loan loan = Loan.findById(loanId);
        if (loan == null || !loan.isOpen()) {
            throw ProblemException.notFound("open loan", loanId.toString());
        }
        requireLoanScope(loan);
        Patron patron = loan.patronId == null ? null : Patron.findById(loan.patronId);
        Copy copy = Copy.findById(loan.copyId);
        PolicyRule rule = policies.resolve(loan.siteCode, loan.patronType, copy.circulationType);
        String override = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        Instant now = Instant.now();
        Renewal renewal = renewOne(loan, copy, patron, rule, override != null,
                () -> holds.hasWaitingHold(CopyRow.of(copy)),
                () -> dueAt(loan.siteCode, rule, now, calendar::closedDays), now);
        RenewalResult result = renewal.result();
        if (result.renewed() && override != null && result.refusal() != null) {
            // the renewal rolls back with the 403: a supervisor of the loan's site or of the patron's school
            if (!permissions.holds(StaffPermissions.OVERRIDE_REFUSAL, loan.siteCode)
                    && (patron == null || !permissions.holds(StaffPermissions.OVERRIDE_REFUSAL, patron.homeSite))) {
                throw StaffPermissions.permissionRequired(StaffPermissions.OVERRIDE_REFUSAL, loan.siteCode,
                        "overriding " + result.refusal()).with("refusals", result.refusal());
            }
            auditOverride(loan.id, result.refusal(), override, loan.siteCode, now);
        }
        if (!result.renewed()) {
            throw renewal.refusal();
        }
        return LoanView.of(loan, copy);
    }

    /** Renews every open loan of a patron that can be; the others are listed with the reason. */
    @Transactional
    public List<RenewalResult> renewAll(UUID patronId) {
        Patron patron = Patron.findById(patronId);
        if (patron == null) {
            throw ProblemException.notFound("patron", patronId.toString());
        }
        scope.requireManage(patron.homeSite);
        List<Loan> loans = Loan.list("patronId = ?1 and returnedAt is null order by dueAt", patronId);
        if (loans.isEmpty()) {
            return List.of();
        }
        Map<UUID, Copy> copies = Copy.<Copy>list("id in ?1", loans.stream().map(l -> l.copyId).toList())
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Instant now = Instant.now();
        // a patron's loans share a few sites and rules: one policy read per site, one due date per rule, and one
        // query for the holds waiting on any of the items (a hundred loans would otherwise cost three hundred)
        Map<String, PolicyMatrix> matrices = new HashMap<>();
        Map<PolicyRule, Instant> dueDates = new HashMap<>();
        Set<UUID> waited = holds.waitedFor(copies.values());
        List<RenewalResult> results = new ArrayList<>();
        for (Loan loan : loans) {
            Copy copy = copies.get(loan.copyId);
            PolicyRule rule = matrices.computeIfAbsent(loan.siteCode, policies::matrixFor)
                    .resolve(loan.siteCode, loan.patronType, copy.circulationType)
                    .orElseThrow(() -> ProblemException.conflict("no-policy",
                            "no circulation policy applies; restore the district default"));
            results.add(renewOne(loan, copy, patron, rule, false, () -> waited.contains(copy.id),
                    () -> dueDates.computeIfAbsent(rule, r -> dueAt(loan.siteCode, r, now, calendar::closedDays)),
                    now).result());
        }
        return results;
    }

    /** A renewal's result, and the refusal to throw when it is refused. */
    private record Renewal(RenewalResult result, CheckoutRefused refusal) {
    }

    /**
     * With {@code holdOverridden}, a hold waiting for the item does not stop the renewal (the result names it). The
     * patron's own refusals are the check-out's (an account not active, a block, fees owed above the limit). A loan
     * renewed overdue is charged the fine it accrued until {@code now} (as a check-in then would: grace days, fine per
     * day, maximum fine, closed days not counted) before it is due again: a renewal never forgives the days already
     * late.
     */
    private Renewal renewOne(Loan loan, Copy copy, Patron patron, PolicyRule rule, boolean holdOverridden,
                             BooleanSupplier waitedFor, Supplier<Instant> dueDate, Instant now) {
        String overridden = null;
        CheckoutRefused refusal = null;
        if (patron != null && !patron.isActive()) {
            refusal = CheckoutRefused.patronInactive(patron.status, confidential(patron.homeSite));
        } else if (patron != null && patron.blocked) {
            refusal = CheckoutRefused.patronBlocked(patron.blockNote, confidential(patron.homeSite), false);
        } else if (patron != null && patron.feeBalance.compareTo(config.blocks().feeLimit()) > 0) {
            refusal = CheckoutRefused.feesOwed(patron.feeBalance, config.blocks().feeLimit(),
                    confidential(patron.homeSite), false);
        } else if (loan.overdueBlock) {
            refusal = CheckoutRefused.refused("overdue-block",
                    "the loan reached an overdue notice stage that blocks; it must be returned");
        } else if (loan.renewals >= rule.renewalsAllowed()) {
            refusal = CheckoutRefused.refused("renewals-exhausted", "the loan was renewed " + loan.renewals
                    + " times, the limit is " + rule.renewalsAllowed());
        } else if (waitedFor.getAsBoolean()) {
            if (holdOverridden) {
                overridden = "on-hold-for-another";
            } else {
                refusal = CheckoutRefused.overridable("on-hold-for-another", "another patron is waiting for this item");
            }
        }
        if (refusal != null) {
            return new Renewal(new RenewalResult(loan.id, copy.barcode, false, loan.dueAt, refusal.code(),
                    refusal.detail()), refusal);
        }
        Instant due = dueDate.get();
        if (now.isAfter(loan.dueAt) && patron != null) {
            int daysOverdue = daysOverdue(loan.siteCode, loan.dueAt, now);
            BigDecimal fine = Fines.overdueFine(daysOverdue, rule);
            if (fine.signum() > 0) {
                // the patron locked (and read again) before the ledger changes what they owe, as at a check-in
                if (em.getLockMode(patron) != LockModeType.PESSIMISTIC_WRITE) {
                    em.refresh(patron, LockModeType.PESSIMISTIC_WRITE);
                }
                ledger.assess(patron, loan.siteCode, "OVERDUE", fine, loan.id, copy,
                        daysOverdue + " days overdue, renewed");
            }
        }
        if (due.isAfter(loan.dueAt)) {
            loan.dueAt = due;
        }
        loan.renewals++;
        loan.overdueStage = 0; // due again later: its overdue notices start over from the first stage
        outbox.publish(Topics.CIRCULATION_LOANS, loan.siteCode, loan.id.toString(),
                new LoanRenewed(snapshot(loan, copy)));
        return new Renewal(new RenewalResult(loan.id, copy.barcode, true, loan.dueAt, overridden, null), null);
    }

    /** Open days a loan due at {@code dueAt} is late at {@code now}: the loan site's closed days are not counted. */
    private int daysOverdue(String site, Instant dueAt, Instant now) {
        ZoneId zone = config.timeZone();
        Predicate<LocalDate> closed = calendar.closedDays(site, dueAt.atZone(zone).toLocalDate(),
                now.atZone(zone).toLocalDate());
        return DueDates.daysOverdue(dueAt, now, zone, closed);
    }

    public Loan get(UUID id) {
        Loan loan = Loan.findById(id);
        if (loan == null) {
            throw ProblemException.notFound("loan", id.toString());
        }
        requireLoanScope(loan);
        return loan;
    }

    public List<Loan> openLoans(UUID patronId) {
        Patron patron = Patron.findById(patronId);
        if (patron == null) {
            throw ProblemException.notFound("patron", patronId.toString());
        }
        scope.requireManage(patron.homeSite);
        return Loan.list("patronId = ?1 and returnedAt is null order by dueAt", patronId);
    }

    /** Staff of the lending site or of the patron's home site may see and renew a loan. */
    private void requireLoanScope(Loan loan) {
        if (scope.canManage(loan.siteCode)) {
            return;
        }
        Patron patron = loan.patronId == null ? null : Patron.findById(loan.patronId);
        scope.requireManage(patron == null ? loan.siteCode : patron.homeSite);
    }

    /** Where a due date reads a site's closed days in [from, to]: the calendar, or the desk rules kept in memory. */
    private interface ClosedDays {
        Predicate<LocalDate> between(String site, LocalDate from, LocalDate to);
    }

    private Instant dueAt(String site, PolicyRule rule, Instant now, ClosedDays closedDays) {
        ZoneId zone = config.timeZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate fixed = rule.loanPeriod().fixedDate();
        if (fixed != null && fixed.isBefore(today)) {
            throw ProblemException.conflict("policy-date-passed",
                    "the policy's fixed due date " + fixed + " has passed; update the policy");
        }
        // the days the due date may fall on, and 60 days past for a run of closed days to move it over
        Predicate<LocalDate> closed = fixed != null ? closedDays.between(site, fixed, fixed.plusDays(60))
                : closedDays.between(site, today, today.plusDays(
                (rule.loanPeriod().days() == null ? 0 : rule.loanPeriod().days()) + 60L));
        return DueDates.dueAt(now, zone, rule.loanPeriod(), closed).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The caller holds neither the patron's home site nor the district: the patron's record is not theirs to see. */
    private boolean confidential(String patronHomeSite) {
        return !scope.canManage(patronHomeSite);
    }

    private CopyRow lockedCopy(String barcode) {
        CopyRow copy = desk.lockedCopy(barcode.strip());
        if (copy == null) {
            throw CheckoutRefused.unusable("unknown-item", "no item has barcode " + barcode);
        }
        return copy;
    }

    /** Closed loans keep no patron once no fee of theirs is open (privacy: patron records are confidential). */
    private void anonymizeClosedLoans(UUID patronId) {
        privacy.anonymizeClosedLoans(patronId);
    }

    /** A supervisor's override of a refusal, kept with who, why, where and when. */
    private void auditOverride(UUID loanId, String refusal, String reason, String site, Instant at) {
        em.createNativeQuery("INSERT INTO circulation_override (id, loan_id, refusal, reason, overridden_by, "
                        + "site_code, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, loanId).setParameter(3, refusal)
                .setParameter(4, reason).setParameter(5, scope.userName()).setParameter(6, site)
                .setParameter(7, at).executeUpdate();
    }

    private interface RefusalCheck {
        CheckoutRefused check();
    }

    private static void refuseUnlessOverridden(List<CheckoutRefused> overridden, String override,
                                               RefusalCheck check) {
        CheckoutRefused refusal = check.check();
        if (refusal == null) {
            return;
        }
        if (override == null || !refusal.overridable()) {
            throw refusal;
        }
        overridden.add(refusal);
    }

    LoanSnapshot snapshot(Loan loan, Copy copy) {
        return snapshot(LoanRow.of(loan), CopyRow.of(copy));
    }

    private static LoanSnapshot snapshot(LoanRow loan, CopyRow copy) {
        return new LoanSnapshot(loan.id(), copy.id(), copy.barcode(), copy.titleId(), loan.siteCode(),
                loan.patronKey(), loan.patronType(), loan.patronGrade(), copy.materialType(), copy.circulationType(),
                copy.deweyNumber(), loan.loanedAt(), loan.dueAt(), loan.renewals());
    }
}
