package org.lrms.circulation.patron;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.events.circulation.PatronSnapshot;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PatronService {

    @Inject
    Outbox outbox;

    @Inject
    SiteScope scope;

    @Inject
    PatronKeys keys;

    @Transactional
    public Patron create(PatronRequest request) {
        String homeSite = existingSite(request.homeSite());
        scope.requireManage(homeSite);
        if (Patron.findByBarcode(request.barcode().strip()) != null) {
            throw ProblemException.conflict("barcode-in-use", "another patron has barcode " + request.barcode())
                    .with("field", "barcode");
        }
        Patron patron = new Patron();
        patron.id = UUID.randomUUID();
        patron.createdAt = Instant.now();
        apply(patron, request, homeSite);
        patron.persist();
        outbox.publish(Topics.CIRCULATION_PATRONS, patron.homeSite, patron.id.toString(),
                new PatronCreated(snapshot(patron)));
        return patron;
    }

    @Transactional
    public Patron update(UUID id, PatronRequest request) {
        Patron patron = get(id);
        String homeSite = existingSite(request.homeSite());
        scope.requireManage(homeSite);
        Patron other = Patron.findByBarcode(request.barcode().strip());
        if (other != null && !other.id.equals(id)) {
            throw ProblemException.conflict("barcode-in-use", "another patron has barcode " + request.barcode())
                    .with("field", "barcode");
        }
        boolean wasActive = patron.isActive();
        apply(patron, request, homeSite);
        publishChange(patron, wasActive, "changed by staff");
        return patron;
    }

    /** The patron, if the caller may see it; a patron of another site reads as 403. */
    public Patron get(UUID id) {
        Patron patron = Patron.findById(id);
        if (patron == null) {
            throw ProblemException.notFound("patron", id.toString());
        }
        scope.requireManage(patron.homeSite);
        return patron;
    }

    public List<Patron> search(String barcode, String site, String name, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (barcode != null && !barcode.isBlank()) {
            query.append(" and barcode = :barcode");
            params.put("barcode", barcode.strip());
        }
        if (site != null && !site.isBlank()) {
            query.append(" and homeSite = :site");
            params.put("site", SiteService.normalize(site));
        }
        if (name != null && !name.isBlank()) {
            query.append(" and (lower(lastName) like :name or lower(firstName) like :name)");
            params.put("name", name.strip().toLowerCase(Locale.ROOT) + "%");
        }
        scope.staffSites().ifPresent(sites -> {
            query.append(" and homeSite in :mySites");
            params.put("mySites", sites.isEmpty() ? Set.of("") : sites);
        });
        return Patron.find(query.toString(), Sort.by("lastName").and("firstName"), params)
                .page(Page.of(page, size)).list();
    }

    @Transactional
    public Patron block(UUID id, String note) {
        Patron patron = get(id);
        patron.blocked = true;
        patron.blockNote = note.strip();
        patron.updatedAt = Instant.now();
        return patron;
    }

    @Transactional
    public Patron unblock(UUID id) {
        Patron patron = get(id);
        patron.blocked = false;
        patron.blockNote = null;
        patron.updatedAt = Instant.now();
        return patron;
    }

    /** Publishes a patron's change: deactivation (active to inactive or graduated) is its own event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishChange(Patron patron, boolean wasActive, String reason) {
        Object event = wasActive && !patron.isActive()
                ? new PatronDeactivated(snapshot(patron), reason)
                : new PatronUpdated(snapshot(patron));
        outbox.publish(Topics.CIRCULATION_PATRONS, patron.homeSite, patron.id.toString(), event);
    }

    public PatronSnapshot snapshot(Patron p) {
        return new PatronSnapshot(p.id, keys.of(p.id), p.barcode, p.sisId, p.sourcedId, p.firstName, p.lastName,
                p.patronType, p.homeSite, p.grade, p.homeroom, p.status);
    }

    private static void apply(Patron patron, PatronRequest request, String homeSite) {
        patron.barcode = request.barcode().strip();
        patron.sisId = blankToNull(request.sisId());
        patron.firstName = request.firstName().strip();
        patron.lastName = request.lastName().strip();
        patron.patronType = request.patronType().toUpperCase(Locale.ROOT);
        patron.homeSite = homeSite;
        patron.grade = blankToNull(request.grade());
        patron.homeroom = blankToNull(request.homeroom());
        patron.email = blankToNull(request.email());
        patron.language = request.language() == null ? "en" : request.language().toLowerCase(Locale.ROOT);
        patron.status = request.status() == null ? Patron.ACTIVE : request.status().toUpperCase(Locale.ROOT);
        patron.notes = blankToNull(request.notes());
        patron.updatedAt = Instant.now();
    }

    private static String existingSite(String code) {
        String normalized = SiteService.normalize(code);
        if (Site.findById(normalized) == null) {
            throw ProblemException.badRequest("homeSite", "no site " + code);
        }
        return normalized;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
