package org.lrms.circulation.patron;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    @Inject
    EntityManager em;

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

    public List<Patron> search(String barcode, String site, String name, String homeroom, int page, int size) {
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
        if (homeroom != null && !homeroom.isBlank()) {
            query.append(" and lower(homeroom) = :homeroom");
            params.put("homeroom", homeroom.strip().toLowerCase(Locale.ROOT));
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

    public PatronView view(Patron patron) {
        return views(List.of(patron)).get(0);
    }

    /**
     * The patrons as staff see them, with their homeroom teachers (one query for all of them) and whether each has a
     * picture (one more).
     */
    public List<PatronView> views(List<Patron> list) {
        List<String> classes = list.stream().map(p -> p.homeroomClass).filter(Objects::nonNull).distinct().toList();
        Map<String, String> teachers = new HashMap<>();
        if (!classes.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT c.sourced_id, t.first_name || ' ' || t.last_name "
                            + "FROM roster_class c JOIN patron t ON t.id = c.homeroom_teacher_id "
                            + "WHERE c.sourced_id IN (?1)")
                    .setParameter(1, classes).getResultList();
            rows.forEach(r -> teachers.put((String) r[0], (String) r[1]));
        }
        Set<UUID> withPhoto = new HashSet<>();
        if (!list.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery(
                            "SELECT patron_id FROM patron_photo WHERE patron_id = ANY (CAST(?1 AS uuid[]))", UUID.class)
                    .setParameter(1, list.stream().map(p -> p.id).toArray(UUID[]::new)).getResultList();
            withPhoto.addAll(ids);
        }
        return list.stream().map(p -> PatronView.of(p, p.homeroomClass == null ? null
                : teachers.get(p.homeroomClass), withPhoto.contains(p.id))).toList();
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
        String homeroom = blankToNull(request.homeroom());
        if (!Objects.equals(homeroom, patron.homeroom)) {
            patron.homeroomClass = null; // typed by staff: theirs until an import seats the patron in a homeroom
        }
        patron.homeroom = homeroom;
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
