package org.lrms.catalog.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.lrms.catalog.copy.Copy;
import org.lrms.catalog.copy.CopyService;
import org.lrms.catalog.copy.CopyStatus;
import org.lrms.catalog.copy.ShelfKey;
import org.lrms.catalog.site.Sites;
import org.lrms.events.Topics;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Inventories: start one for a site or part of it, post scanned barcodes in batches, finish it. On finishing, copies
 * in scope that were not scanned and are not on loan become missing; missing copies that were scanned are found;
 * scanned copies of another site or outside the scope are listed as misplaced.
 */
@ApplicationScoped
public class InventoryService {

    /** Statuses of copies that should be on the shelf; only these can turn missing. */
    static final List<String> ON_SHELF = List.of(CopyStatus.AVAILABLE.name(), CopyStatus.IN_PROCESSING.name(),
            CopyStatus.DAMAGED.name(), CopyStatus.ON_HOLD_SHELF.name());

    static final String MISSING = "MISSING";
    static final String FOUND = "FOUND";
    static final String MISPLACED = "MISPLACED";

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    @Inject
    Sites sites;

    @Inject
    CopyService copies;

    @Inject
    Outbox outbox;

    @Transactional
    public Inventory start(InventoryRequests.Start request) {
        String site = sites.requireActive(request.siteCode(), "siteCode").code;
        scope.requireManage(site);
        if (request.callNumberFrom() != null && request.callNumberTo() != null
                && ShelfKey.of(request.callNumberFrom()) != null && ShelfKey.of(request.callNumberTo()) != null
                && ShelfKey.of(request.callNumberFrom()).compareTo(ShelfKey.upTo(request.callNumberTo())) > 0) {
            throw ProblemException.badRequest("callNumberTo", "comes before callNumberFrom");
        }
        Inventory inventory = new Inventory();
        inventory.id = UUID.randomUUID();
        inventory.siteCode = site;
        inventory.status = Inventory.OPEN;
        inventory.callNumberFrom = blank(request.callNumberFrom());
        inventory.callNumberTo = blank(request.callNumberTo());
        inventory.circulationType = blank(request.circulationType()) == null ? null
                : request.circulationType().strip().toUpperCase(Locale.ROOT);
        inventory.shelfLocation = blank(request.shelfLocation());
        inventory.skipSeenSince = request.skipSeenSince();
        inventory.startedBy = scope.userName();
        inventory.startedAt = Instant.now();
        inventory.persist();
        inventory.copiesInScope = count("SELECT count(*) FROM copy c WHERE " + scopeSql(inventory)
                + " AND c.status <> 'WITHDRAWN'", inventory);
        return inventory;
    }

    public Inventory get(UUID id) {
        Inventory inventory = Inventory.findById(id);
        if (inventory == null) {
            throw ProblemException.notFound("inventory", id.toString());
        }
        scope.requireManage(inventory.siteCode);
        return inventory;
    }

    public List<Inventory> ofSite(String siteCode) {
        scope.requireManage(siteCode);
        return Inventory.list("siteCode = ?1 order by startedAt desc", siteCode.toUpperCase(Locale.ROOT));
    }

    public long scannedSoFar(Inventory inventory) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM inventory_scan WHERE inventory_id = ?1")
                .setParameter(1, inventory.id).getSingleResult()).longValue();
    }

    /** Records a batch of scans; a barcode scanned twice counts once. Scanned copies of the site are seen now. */
    @Transactional
    public InventoryViews.ScanReceipt scan(UUID id, List<String> barcodes) {
        Inventory inventory = get(id);
        requireOpen(inventory);
        String[] unique = new LinkedHashSet<>(barcodes.stream().map(String::strip).toList()).toArray(String[]::new);
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("INSERT INTO inventory_scan (inventory_id, barcode, scanned_at)"
                        + " SELECT ?1, b, ?2 FROM unnest(CAST(?3 AS text[])) AS b ON CONFLICT DO NOTHING")
                .setParameter(1, inventory.id).setParameter(2, now).setParameter(3, unique).executeUpdate();
        em.createNativeQuery("UPDATE copy SET last_seen_at = ?1 WHERE barcode = ANY(CAST(?2 AS text[]))"
                        + " AND site_code = ?3")
                .setParameter(1, now).setParameter(2, unique).setParameter(3, inventory.siteCode).executeUpdate();
        Object[] counts = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE c.id IS NULL),"
                        + " count(*) FILTER (WHERE c.site_code <> ?2)"
                        + " FROM unnest(CAST(?1 AS text[])) AS b LEFT JOIN copy c ON c.barcode = b")
                .setParameter(1, unique).setParameter(2, inventory.siteCode).getSingleResult();
        return new InventoryViews.ScanReceipt(barcodes.size(), inserted, ((Number) counts[0]).intValue(),
                ((Number) counts[1]).intValue());
    }

    @Transactional
    public Inventory finish(UUID id) {
        Inventory inventory = get(id);
        em.lock(inventory, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(inventory);
        String inScope = scopeSql(inventory);
        String scanned = "EXISTS (SELECT 1 FROM inventory_scan s WHERE s.inventory_id = :inventory"
                + " AND s.barcode = c.barcode)";
        String seenRecently = inventory.skipSeenSince == null ? "FALSE"
                : "c.last_seen_at IS NOT NULL AND c.last_seen_at >= :skipSeenSince";

        List<Copy> missing = copies("SELECT c.* FROM copy c WHERE " + inScope + " AND c.status IN (:onShelf)"
                + " AND NOT " + scanned + " AND NOT (" + seenRecently + ")", inventory);
        List<Copy> found = copies("SELECT c.* FROM copy c WHERE c.site_code = :site AND c.status = 'MISSING'"
                + " AND " + scanned, inventory);
        List<Copy> otherSite = copies("SELECT c.* FROM copy c WHERE c.site_code <> :site AND " + scanned,
                inventory);
        List<Copy> outOfScope = copies("SELECT c.* FROM copy c WHERE c.site_code = :site AND NOT (" + inScope
                + ") AND " + scanned, inventory);

        for (Copy copy : missing) {
            record(inventory, MISSING, copy);
            copies.applyInventoryStatus(copy, CopyStatus.MISSING, "not found in inventory " + inventory.id);
        }
        for (Copy copy : found) {
            record(inventory, FOUND, copy);
            copies.applyInventoryStatus(copy, CopyStatus.AVAILABLE, "found in inventory " + inventory.id);
        }
        otherSite.forEach(copy -> record(inventory, MISPLACED, copy));
        outOfScope.forEach(copy -> record(inventory, MISPLACED, copy));

        inventory.copiesInScope = count("SELECT count(*) FROM copy c WHERE " + inScope
                + " AND c.status <> 'WITHDRAWN'", inventory);
        inventory.scanned = scannedSoFar(inventory);
        inventory.missing = missing.size();
        inventory.found = found.size();
        inventory.misplaced = otherSite.size() + outOfScope.size();
        inventory.status = Inventory.FINISHED;
        inventory.finishedAt = Instant.now();
        outbox.publish(Topics.CATALOG_INVENTORIES, inventory.siteCode, inventory.id.toString(),
                new InventoryFinished(inventory.id, inventory.siteCode, inventory.scopeDescription(),
                        inventory.startedAt, inventory.finishedAt, inventory.copiesInScope, inventory.scanned,
                        inventory.missing, inventory.found, inventory.misplaced));
        return inventory;
    }

    /** Missing, found or misplaced copies of a finished inventory, with counts per shelf location. */
    public InventoryViews.Report report(UUID id, String kind) {
        Inventory inventory = get(id);
        String wanted = kind == null ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !List.of(MISSING, FOUND, MISPLACED).contains(wanted)) {
            throw ProblemException.badRequest("kind", "missing, found or misplaced");
        }
        Query lines = em.createNativeQuery("SELECT barcode, copy_id, title, call_number, shelf_location, site_code"
                + " FROM inventory_result WHERE inventory_id = :id" + (wanted == null ? "" : " AND kind = :kind")
                + " ORDER BY shelf_location NULLS LAST, shelf_key NULLS LAST, barcode")
                .setParameter("id", inventory.id);
        if (wanted != null) {
            lines.setParameter("kind", wanted);
        }
        List<Object[]> rows = lines.getResultList();
        List<Object[]> shelves = em.createNativeQuery("SELECT coalesce(shelf_location, ''),"
                        + " count(*) FILTER (WHERE kind = 'MISSING'), count(*) FILTER (WHERE kind = 'FOUND'),"
                        + " count(*) FILTER (WHERE kind = 'MISPLACED') FROM inventory_result"
                        + " WHERE inventory_id = ?1 GROUP BY 1 ORDER BY 1")
                .setParameter(1, inventory.id).getResultList();
        return new InventoryViews.Report(inventory.id, wanted == null ? "ALL" : wanted,
                rows.stream().map(r -> new InventoryViews.ResultLine((String) r[0], (UUID) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5])).toList(),
                shelves.stream().map(r -> new InventoryViews.ShelfCount((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList());
    }

    private void record(Inventory inventory, String kind, Copy copy) {
        em.createNativeQuery("INSERT INTO inventory_result (inventory_id, kind, barcode, copy_id, title,"
                        + " call_number, shelf_location, site_code, shelf_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, inventory.id).setParameter(2, kind).setParameter(3, copy.barcode)
                .setParameter(4, copy.id).setParameter(5, copy.title.title).setParameter(6, copy.callNumber)
                .setParameter(7, copy.shelfLocation).setParameter(8, copy.siteCode)
                .setParameter(9, ShelfKey.of(copy.callNumber)).executeUpdate();
    }

    /** The copies an inventory covers, as SQL over {@code copy c}. */
    private static String scopeSql(Inventory i) {
        StringBuilder sql = new StringBuilder("c.site_code = :site");
        // in shelf order (ShelfKey), "to" inclusive of everything that starts with it: 599.99 covers 599.99 WIL
        if (ShelfKey.of(i.callNumberFrom) != null) {
            sql.append(" AND c.shelf_key >= :callFrom");
        }
        if (ShelfKey.of(i.callNumberTo) != null) {
            sql.append(" AND c.shelf_key < :callTo");
        }
        if (i.circulationType != null) {
            sql.append(" AND c.circulation_type = :circulationType");
        }
        if (i.shelfLocation != null) {
            sql.append(" AND c.shelf_location = :shelfLocation");
        }
        return sql.toString();
    }

    private List<Copy> copies(String sql, Inventory i) {
        Query q = em.createNativeQuery(sql, Copy.class);
        bind(q, sql, i);
        return q.getResultList();
    }

    private long count(String sql, Inventory i) {
        Query q = em.createNativeQuery(sql);
        bind(q, sql, i);
        return ((Number) q.getSingleResult()).longValue();
    }

    private static void bind(Query q, String sql, Inventory i) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("site", i.siteCode);
        values.put("callFrom", ShelfKey.of(i.callNumberFrom));
        values.put("callTo", ShelfKey.upTo(i.callNumberTo));
        values.put("circulationType", i.circulationType);
        values.put("shelfLocation", i.shelfLocation);
        values.put("inventory", i.id);
        values.put("skipSeenSince", i.skipSeenSince);
        values.put("onShelf", ON_SHELF);
        values.forEach((name, value) -> {
            if (value != null && sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
    }

    private static void requireOpen(Inventory inventory) {
        if (!Inventory.OPEN.equals(inventory.status)) {
            throw ProblemException.conflict("inventory-finished", "inventory " + inventory.id + " is finished");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
