package org.lrms.circulation.hold;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.patron.PatronKeys;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.HoldExpired;
import org.lrms.events.circulation.HoldPlaced;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HoldService {

    @Inject
    SiteScope scope;

    @Inject
    Outbox outbox;

    @Inject
    HoldQueue queue;

    @Inject
    PatronKeys keys;

    @Inject
    org.lrms.circulation.policy.store.PolicyService policies;

    @Transactional
    public Hold place(HoldRequest request) {
        String pickup = SiteService.normalize(request.pickupSite());
        if (Site.findById(pickup) == null) {
            throw ProblemException.badRequest("pickupSite", "no site " + request.pickupSite());
        }
        Patron patron = Patron.findByBarcode(request.patronBarcode().strip());
        if (patron == null) {
            throw ProblemException.unprocessable("unknown-patron", "no patron has barcode " + request.patronBarcode());
        }
        scope.requireManage(patron.homeSite);
        if (!patron.isActive()) {
            throw ProblemException.unprocessable("patron-inactive", "the patron's account is " + patron.status);
        }
        if ((request.titleId() == null) == (request.itemBarcode() == null || request.itemBarcode().isBlank())) {
            throw ProblemException.badRequest("titleId", "give either titleId or itemBarcode");
        }
        UUID titleId = request.titleId();
        UUID copyId = null;
        String circulationType = null;
        if (titleId == null) {
            Copy copy = Copy.findByBarcode(request.itemBarcode().strip());
            if (copy == null || copy.withdrawn) {
                throw ProblemException.unprocessable("unknown-item", "no item has barcode " + request.itemBarcode());
            }
            titleId = copy.titleId;
            copyId = copy.id;
            circulationType = copy.circulationType;
        } else if (Copy.count("titleId = ?1 and withdrawn = false", titleId) == 0) {
            throw ProblemException.unprocessable("no-copies", "the district holds no copy of title " + titleId);
        }
        if (!policies.resolve(pickup, patron.patronType, circulationType).holdsAllowed()) {
            throw ProblemException.conflict("holds-not-allowed", "the policy allows no holds for this patron");
        }
        if (Hold.count("patronId = ?1 and titleId = ?2 and status in ('WAITING', 'IN_TRANSIT', 'ON_SHELF')",
                patron.id, titleId) > 0) {
            throw ProblemException.conflict("already-on-hold", "the patron already holds this title");
        }
        Hold hold = new Hold();
        hold.id = UUID.randomUUID();
        hold.titleId = titleId;
        hold.copyId = copyId;
        hold.patronId = patron.id;
        hold.patronKey = keys.of(patron.id);
        hold.patronType = patron.patronType;
        hold.patronGrade = patron.grade;
        hold.pickupSite = pickup;
        hold.priority = request.priority() == null ? 0 : request.priority();
        hold.placedAt = Instant.now();
        hold.persist();
        outbox.publish(Topics.CIRCULATION_HOLDS, pickup, hold.id.toString(),
                new HoldPlaced(HoldQueue.snapshot(hold)));
        return hold;
    }

    @Transactional
    public Hold cancel(UUID id) {
        Hold hold = Hold.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            throw ProblemException.notFound("hold", id.toString());
        }
        requireScope(hold);
        if (!List.of(Hold.WAITING, Hold.IN_TRANSIT, Hold.ON_SHELF).contains(hold.status)) {
            throw ProblemException.conflict("hold-closed", "the hold is " + hold.status);
        }
        boolean onShelf = Hold.ON_SHELF.equals(hold.status);
        hold.status = "CANCELLED";
        hold.closedAt = Instant.now();
        outbox.publish(Topics.CIRCULATION_HOLDS, hold.pickupSite, hold.id.toString(),
                new HoldExpired(HoldQueue.snapshot(hold)));
        if (onShelf) {
            queue.releaseFromShelf(hold);
        }
        return hold;
    }

    public Hold get(UUID id) {
        Hold hold = Hold.findById(id);
        if (hold == null) {
            throw ProblemException.notFound("hold", id.toString());
        }
        requireScope(hold);
        return hold;
    }

    /** The hold shelf (or another status) of a pickup site. */
    public List<Hold> atSite(String site, String status) {
        String code = SiteService.normalize(site);
        scope.requireManage(code);
        return Hold.list("pickupSite = ?1 and status = ?2 order by placedAt", code, status);
    }

    private void requireScope(Hold hold) {
        if (scope.canManage(hold.pickupSite)) {
            return;
        }
        Patron patron = hold.patronId == null ? null : Patron.findById(hold.patronId); // null: anonymized
        scope.requireManage(patron == null ? hold.pickupSite : patron.homeSite);
    }
}
