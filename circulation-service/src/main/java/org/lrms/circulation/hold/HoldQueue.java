package org.lrms.circulation.hold;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.copy.CopyRow;
import org.lrms.circulation.policy.store.PolicyService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.HoldExpired;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldReturnedToQueue;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.kit.jdbc.Statements;
import org.lrms.kit.outbox.Outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The hold queue's part in check-out and check-in: who a copy is set aside for, and where a returned copy goes. */
@ApplicationScoped
public class HoldQueue {

    /** Where a copy goes next; {@code holdId} names the hold it was set aside for, if any. */
    public record Routing(String nextCopyStatus, String routeTo, UUID holdId) {
    }

    /** A copy set aside for a patron's hold at a pickup site. */
    public record SetAside(UUID holdId, UUID patronId, String pickupSite) {
    }

    @Inject
    Outbox outbox;

    @Inject
    PolicyService policies;

    @Inject
    CirculationConfig config;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.lrms.circulation.notice.Notices notices;

    @Inject
    PullLists pullLists;

    @Inject
    AgroalDataSource dataSource;

    private static final String DESK_HOLDS = "SELECT s.id, s.patron_id, s.pickup_site, "
            + "EXISTS (SELECT 1 FROM hold w WHERE w.status = 'WAITING' AND w.title_id = ? "
            + "AND (w.copy_id IS NULL OR w.copy_id = ?)) "
            + "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT h.id, h.patron_id, h.pickup_site FROM hold h "
            + "WHERE h.assigned_copy_id = ? AND h.status IN ('IN_TRANSIT', 'ON_SHELF') LIMIT 1) s ON true";

    /** Locks the hold it finds, as the entity query's PESSIMISTIC_WRITE did: no two copies go to one hold. */
    private static final String NEXT_HOLD = "SELECT id FROM hold WHERE assigned_copy_id = ? AND status = 'IN_TRANSIT' "
            + "OR status = 'WAITING' AND title_id = ? AND (copy_id IS NULL OR copy_id = ?) "
            + "ORDER BY CASE WHEN status = 'IN_TRANSIT' THEN 0 ELSE 1 END, priority DESC, placed_at "
            + "LIMIT 1 FOR NO KEY UPDATE";

    /**
     * What the desk needs to know of holds before lending a copy, in one statement (plain JDBC, as the desk's own
     * statements, see {@code DeskStatements}): the hold the copy is set aside for, if any, and whether any patron
     * waits for the copy's title (a title-level hold, or a hold on this copy). Only reads holds, which the check-out
     * changes after it, through their entities.
     */
    public DeskHolds deskHolds(CopyRow copy) {
        // one row always (the lateral join keeps it when no hold sets the copy aside)
        return Statements.first(dataSource, "the copy's holds", DESK_HOLDS, row -> {
            UUID holdId = row.getObject(1, UUID.class);
            Optional<SetAside> setAside = holdId == null ? Optional.empty()
                    : Optional.of(new SetAside(holdId, row.getObject(2, UUID.class), row.getString(3)));
            return new DeskHolds(setAside, copy.titleId() != null && row.getBoolean(4));
        }, copy.titleId(), copy.id(), copy.id()).orElseThrow();
    }

    /** See {@link #deskHolds}. */
    public record DeskHolds(Optional<SetAside> setAside, boolean titleWaited) {
    }

    /**
     * Would lending this copy (not set aside) to {@code patronId} at {@code site} leave other patrons' holds
     * unfilled? Yes when another patron waits for this very copy ahead of the borrower, or when the holds of other
     * patrons ahead of the borrower's own hold (all of them if the borrower has none) for pickup here are at least
     * the site's available copies of the title. Answers the detail of the refusal, or empty.
     */
    public Optional<String> lendingLeavesHoldsUnfilled(CopyRow copy, UUID patronId, String site) {
        List<Hold> waiting = Hold.list("status = 'WAITING' and titleId = ?2 and (copyId is null or copyId = ?1) "
                + "order by priority desc, placedAt", copy.id(), copy.titleId());
        int ahead = 0;
        for (Hold hold : waiting) {
            if (hold.patronId.equals(patronId)) {
                break;
            }
            if (copy.id().equals(hold.copyId)) {
                return Optional.of("another patron waits for this very item");
            }
            if (hold.copyId == null && hold.pickupSite.equals(site)) {
                ahead++;
            }
        }
        if (ahead == 0) {
            return Optional.empty();
        }
        long available = Copy.count("titleId = ?1 and siteCode = ?2 and circulationState = ?3 and withdrawn = false",
                copy.titleId(), site, Copy.AVAILABLE);
        return ahead >= available
                ? Optional.of(ahead + " other patron(s) wait for this title at this site and " + available
                + " copy(ies) are on the shelf")
                : Optional.empty();
    }

    /**
     * The copy went out on loan to {@code patronId}: the borrower's hold it was set aside for is filled, else (when the
     * title is waited for) the borrower's own waiting hold on its title or on this copy: the holder checking a copy
     * out fills their hold. A copy set aside for another patron's hold and lent anyway (a supervisor's override) sends
     * that hold back to the queue ({@link #returnToQueue}). Uses what {@link #deskHolds} found, so a copy no hold
     * touches costs no statement here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillOnLoan(CopyRow copy, UUID patronId, DeskHolds desk) {
        Optional<SetAside> setAside = desk.setAside();
        if (setAside.isPresent() && setAside.get().patronId().equals(patronId)) {
            Hold hold = Hold.findById(setAside.get().holdId());
            hold.status = "FILLED";
            hold.closedAt = Instant.now();
            return;
        }
        setAside.ifPresent(other -> returnToQueue(other.holdId(), copy));
        if (desk.titleWaited()) {
            fillWaitingOnLoan(copy, patronId);
        }
    }

    /**
     * The copy set aside for this hold went to another patron: the hold waits again, for the next copy returned. It
     * keeps its priority and the date it was placed, so its place in the queue (usually the head, where it was when
     * the copy was set aside for it); it no longer names the lent copy, which would otherwise keep the hold on the
     * shelf, and every later check-out of that copy refused, until the shelf time ran out. Its pickup date goes, and
     * its hold-available notice not yet e-mailed or printed is withdrawn: the patron is not told a copy waits that
     * does not; the next copy set aside for the hold brings a new notice.
     */
    private void returnToQueue(UUID holdId, CopyRow copy) {
        Hold hold = Hold.findById(holdId, LockModeType.PESSIMISTIC_WRITE);
        hold.status = Hold.WAITING;
        hold.assignedCopyId = null;
        hold.shelfExpiresOn = null;
        notices.withdrawHoldAvailable(hold.id);
        outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                new HoldReturnedToQueue(snapshot(hold), copy.barcode()));
    }

    /** The borrower's own waiting hold on the copy's title (or on this copy) is filled by this loan. */
    private void fillWaitingOnLoan(CopyRow copy, UUID patronId) {
        Hold hold = Hold.<Hold>find("status = 'WAITING' and titleId = ?2 and (copyId is null or copyId = ?1) "
                        + "and patronId = ?3 order by priority desc, placedAt", copy.id(), copy.titleId(), patronId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (hold == null) {
            return;
        }
        hold.assignedCopyId = copy.id();
        hold.status = "FILLED";
        hold.closedAt = Instant.now();
        outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                new HoldFilled(snapshot(hold), copy.barcode(), copy.siteCode()));
    }

    /** Which of {@code copies} a patron waits for (a title-level hold on its title, or a hold on it): one query. */
    public Set<UUID> waitedFor(Collection<Copy> copies) {
        List<UUID> titles = copies.stream().map(c -> c.titleId).filter(java.util.Objects::nonNull).distinct().toList();
        if (titles.isEmpty()) {
            return Set.of();
        }
        Set<UUID> titleWaited = new HashSet<>();
        Set<UUID> copyWaited = new HashSet<>();
        for (Object[] row : em.createQuery("select distinct h.titleId, h.copyId from Hold h "
                + "where h.status = 'WAITING' and h.titleId in ?1", Object[].class)
                .setParameter(1, titles).getResultList()) {
            if (row[1] == null) {
                titleWaited.add((UUID) row[0]);
            } else {
                copyWaited.add((UUID) row[1]);
            }
        }
        Set<UUID> waited = new HashSet<>();
        for (Copy copy : copies) {
            if (copy.titleId != null && (titleWaited.contains(copy.titleId) || copyWaited.contains(copy.id))) {
                waited.add(copy.id);
            }
        }
        return waited;
    }

    public boolean hasWaitingHold(CopyRow copy) {
        // a copy hold carries its copy's title too, so one index on waiting holds by title answers both
        return copy.titleId() != null && Hold.count("status = 'WAITING' and titleId = ?2 "
                + "and (copyId is null or copyId = ?1)", copy.id(), copy.titleId()) > 0;
    }

    /**
     * A copy came back at {@code site}: the hold it travels for, else the first waiting hold it can fill (by
     * priority, then date), else its home site. One statement finds either (locked), where it was two: most returns
     * find neither, and then no hold is loaded. The statement is plain JDBC and does not see changes of holds still
     * pending in the persistence context: a caller that changed holds in this transaction flushes them first
     * ({@link #releaseFromShelf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Routing route(CopyRow copy, String site) {
        UUID holdId = nextHold(copy);
        if (holdId == null) {
            return copy.siteCode().equals(site)
                    ? new Routing(Copy.AVAILABLE, null, null)
                    : new Routing(Copy.IN_TRANSIT, copy.siteCode(), null);
        }
        return setAside(Hold.findById(holdId), copy, site); // locked by the statement
    }

    /** The hold {@link #route} gives the copy to, locked; or null. */
    private UUID nextHold(CopyRow copy) {
        return Statements.first(dataSource, "the copy's next hold", NEXT_HOLD, row -> row.getObject(1, UUID.class),
                copy.id(), copy.titleId(), copy.id()).orElse(null);
    }

    /**
     * A copy from its own shelf scanned at its own desk (pulled for the hold pull list): it fills the hold the pull
     * list gives it, so the list and the scan agree; a copy the list does not name goes as a returned copy would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Routing routeFromShelf(Copy copy, String site) {
        Optional<UUID> pulled = pullLists.holdFor(copy);
        if (pulled.isPresent()) {
            Hold hold = Hold.findById(pulled.get(), LockModeType.PESSIMISTIC_WRITE);
            if (hold != null && Hold.WAITING.equals(hold.status)) {
                return setAside(hold, CopyRow.of(copy), site);
            }
        }
        return route(CopyRow.of(copy), site);
    }

    /** The copy is set aside for {@code hold}: on the hold shelf at {@code site}, or on its way to the pickup site. */
    private Routing setAside(Hold hold, CopyRow copy, String site) {
        hold.assignedCopyId = copy.id();
        if (hold.pickupSite.equals(site)) {
            int shelfDays = policies.resolve(site, hold.patronType, copy.circulationType()).holdShelfDays();
            hold.status = Hold.ON_SHELF;
            hold.shelfExpiresOn = LocalDate.now(config.timeZone()).plusDays(shelfDays);
            holdAvailableNotice(hold);
        } else {
            hold.status = Hold.IN_TRANSIT;
        }
        outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                new HoldFilled(snapshot(hold), copy.barcode(), copy.siteCode()));
        return Hold.ON_SHELF.equals(hold.status)
                ? new Routing(Copy.ON_HOLD_SHELF, null, hold.id)
                : new Routing(Copy.IN_TRANSIT, hold.pickupSite, hold.id);
    }

    /** Daily: holds not picked up in time expire; their copies go to the next hold or back home. */
    @Scheduled(cron = "{circulation.holds.expiry-cron}", identity = "hold-shelf-expiry")
    @Transactional
    void expireShelfDaily() {
        expireShelf();
    }

    /** Expires the holds whose shelf time is over; answers how many. */
    @Transactional
    public int expireShelf() {
        LocalDate today = LocalDate.now(config.timeZone());
        List<Hold> expired = Hold.list("status = 'ON_SHELF' and shelfExpiresOn < ?1", today);
        for (Hold hold : expired) {
            hold.status = "EXPIRED";
            hold.closedAt = Instant.now();
            outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                    new HoldExpired(snapshot(hold)));
            releaseFromShelf(hold);
        }
        return expired.size();
    }

    /**
     * A hold left the shelf unfilled (it expired or was cancelled, already closed): its copy goes to the next hold,
     * or home.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseFromShelf(Hold hold) {
        Copy copy = hold.assignedCopyId == null ? null
                : Copy.findById(hold.assignedCopyId, LockModeType.PESSIMISTIC_WRITE);
        if (copy != null && Copy.ON_HOLD_SHELF.equals(copy.circulationState)) {
            em.flush(); // the holds this transaction changed (this one, those set aside before it), for route to see
            Routing routing = route(CopyRow.of(copy), hold.pickupSite);
            copy.circulationState = routing.nextCopyStatus();
            copy.inTransitTo = routing.routeTo();
        }
    }

    /** The patron is told the hold waits on the shelf (by e-mail or a printed slip, see Notices). */
    private void holdAvailableNotice(Hold hold) {
        notices.record(hold.patronId, hold.pickupSite, "HOLD_AVAILABLE", 1, false, null, hold.id, null, Instant.now());
    }

    static HoldSnapshot snapshot(Hold h) {
        return new HoldSnapshot(h.id, h.titleId, h.copyId, h.patronKey, h.patronType, h.patronGrade, h.pickupSite,
                h.status, h.placedAt, h.shelfExpiresOn);
    }
}
