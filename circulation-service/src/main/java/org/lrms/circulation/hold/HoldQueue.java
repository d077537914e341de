package org.lrms.circulation.hold;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.policy.store.PolicyService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.HoldExpired;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.kit.outbox.Outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /** The hold a copy is set aside for (on the hold shelf or on its way there). */
    public Optional<SetAside> setAsideFor(UUID copyId) {
        return Hold.<Hold>find("assignedCopyId = ?1 and status in ('IN_TRANSIT', 'ON_SHELF')", copyId)
                .firstResultOptional().map(h -> new SetAside(h.id, h.patronId, h.pickupSite));
    }

    /** The copy went out on loan: a hold of this patron it was set aside for is filled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillOnLoan(Copy copy, UUID patronId) {
        Hold hold = Hold.<Hold>find("assignedCopyId = ?1 and status in ('IN_TRANSIT', 'ON_SHELF') and patronId = ?2",
                copy.id, patronId).firstResult();
        if (hold != null) {
            hold.status = "FILLED";
            hold.closedAt = Instant.now();
        }
    }

    public boolean hasWaitingHold(Copy copy) {
        // a copy hold carries its copy's title too, so one index on waiting holds by title answers both
        return copy.titleId != null && Hold.count("status = 'WAITING' and titleId = ?2 "
                + "and (copyId is null or copyId = ?1)", copy.id, copy.titleId) > 0;
    }

    /**
     * A copy came back at {@code site}: the hold it travels for, else the first waiting hold it can fill (by
     * priority, then date), else its home site.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Routing route(Copy copy, String site) {
        Hold hold = Hold.<Hold>find("assignedCopyId = ?1 and status = 'IN_TRANSIT'", copy.id).firstResult();
        if (hold == null) {
            hold = Hold.<Hold>find("status = 'WAITING' and titleId = ?2 and (copyId is null or copyId = ?1) "
                            + "order by priority desc, placedAt", copy.id, copy.titleId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        if (hold == null) {
            return copy.siteCode.equals(site)
                    ? new Routing(Copy.AVAILABLE, null, null)
                    : new Routing(Copy.IN_TRANSIT, copy.siteCode, null);
        }
        hold.assignedCopyId = copy.id;
        if (hold.pickupSite.equals(site)) {
            int shelfDays = policies.resolve(site, hold.patronType, copy.circulationType).holdShelfDays();
            hold.status = Hold.ON_SHELF;
            hold.shelfExpiresOn = LocalDate.now(config.timeZone()).plusDays(shelfDays);
            holdAvailableNotice(hold);
        } else {
            hold.status = Hold.IN_TRANSIT;
        }
        outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                new HoldFilled(snapshot(hold), copy.barcode, copy.siteCode));
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
            Copy copy = Copy.findById(hold.assignedCopyId, LockModeType.PESSIMISTIC_WRITE);
            if (copy != null && Copy.ON_HOLD_SHELF.equals(copy.circulationState)) {
                Routing routing = route(copy, hold.pickupSite);
                copy.circulationState = routing.nextCopyStatus();
                copy.inTransitTo = routing.routeTo();
            }
        }
        return expired.size();
    }

    /** The patron is told the hold waits on the shelf (by e-mail or a printed slip, see Notices). */
    private void holdAvailableNotice(Hold hold) {
        em.createNativeQuery("INSERT INTO notice (id, patron_id, site_code, kind, stage, language, hold_id, homeroom, "
                        + "created_at) SELECT ?1, p.id, ?2, 'HOLD_AVAILABLE', 1, p.language, ?3, p.homeroom, ?4 "
                        + "FROM patron p WHERE p.id = ?5")
                .setParameter(1, java.util.UUID.randomUUID()).setParameter(2, hold.pickupSite)
                .setParameter(3, hold.id).setParameter(4, Instant.now()).setParameter(5, hold.patronId)
                .executeUpdate();
    }

    static HoldSnapshot snapshot(Hold h) {
        return new HoldSnapshot(h.id, h.titleId, h.copyId, h.patronKey, h.patronType, h.patronGrade, h.pickupSite,
                h.status, h.placedAt, h.shelfExpiresOn);
    }
}
