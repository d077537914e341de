package org.lrms.catalog.inventory;

import io.quarkus.panache.common.Sort;
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
import org.lrms.catalog.http.Paging;
import org.lrms.catalog.site.Sites;
import org.lrms.events.Topics;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Inventories: start one for a site or part of it, post scanned barcodes in batches, finish it (or cancel it). On
 * finishing, copies in scope that were not scanned and should be on the shelf become missing; copies that are not on
 * the shelf for a reason (on the hold shelf, in transit, in processing) are listed as not checked instead; missing
 * copies that were scanned are found; scanned copies of another site or outside the scope are listed as misplaced,
 * scanned copies on loan as such (the loan was not checked in; listed so only, wherever they belong: checking them in
 * at the desk sends them home), and barcodes no copy has as unknown. Each scanned copy is on one line at most.
 *
 * <p>Scans and finish (or cancel) exclude each other on the inventory's row: a batch holds it shared while it writes,
 * finish holds it exclusively, so finish counts every batch committed before it and a batch that comes after it is
 * refused (409) instead of being written into a finished inventory.
 */
@ApplicationScoped
public class InventoryService {

    /** Statuses of copies that should be on the shelf; only these can turn missing. */
    static final List<String> ON_SHELF = List.of(CopyStatus.AVAILABLE.name(), CopyStatus.DAMAGED.name());

    /**
     * Statuses of copies that are not on the shelf for a known reason, so not finding them there says nothing: set
     * aside for a patron on the hold shelf, on their way between sites, or received and still being processed
     * (acquisitions' copies start so, until labelled and shelved). Not scanned, they are listed, never made missing.
     */
    static final List<String> NOT_ON_SHELF = List.of(CopyStatus.ON_HOLD_SHELF.name(), CopyStatus.IN_TRANSIT.name(),
            CopyStatus.IN_PROCESSING.name());

    static final String MISSING = "MISSING";
    static final String FOUND = "FOUND";
    static final String MISPLACED = "MISPLACED";
    static final String NOT_CHECKED = "NOT_CHECKED";
    static final String SCANNED_ON_LOAN = "SCANNED_ON_LOAN";
    static final String UNKNOWN = "UNKNOWN";
    static final List<String> KINDS = List.of(MISSING, FOUND, MISPLACED, NOT_CHECKED, SCANNED_ON_LOAN, UNKNOWN);

    /**
     * Unknown barcodes listed per inventory; beyond, only counted. A scan gun reading the wrong labels (a textbook
     * stamp, an ISBN) can send thousands, and the report is for a person to read.
     */
    static final int MAX_UNKNOWN_LISTED = 10_000;

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
        // as of now; finishing counts them again (a copy checked in meanwhile is seen too)
        inventory.copiesSkipped = inventory.skipSeenSince == null ? 0 : count("SELECT count(*) FROM copy c WHERE "
                + scopeSql(inventory) + " AND c.status <> 'WITHDRAWN' AND " + seenRecently(inventory), inventory);
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

    public SitePage ofSite(String siteCode, Paging paging) {
        scope.requireManage(siteCode);
        var query = Inventory.find("siteCode = ?1", Sort.descending("startedAt").and("id", Sort.Direction.Descending),
                siteCode.toUpperCase(Locale.ROOT));
        return new SitePage(query.page(paging.page(), paging.size()).list(), query.count());
    }

    /** The shelf locations and circulation types of the site's copies, to start an inventory of part of it. */
    public InventoryViews.Scopes scopes(String siteCode) {
        String site = sites.requireActive(siteCode, "siteCode").code;
        scope.requireManage(site);
        List<InventoryViews.Named> shelves = new ArrayList<>();
        long without = 0;
        for (Object[] row : groupedCopies("shelf_location", site)) {
            if (row[0] == null) {
                without = ((Number) row[1]).longValue();
            } else {
                shelves.add(new InventoryViews.Named((String) row[0], ((Number) row[1]).longValue()));
            }
        }
        List<InventoryViews.Named> types = groupedCopies("circulation_type", site).stream()
                .map(row -> new InventoryViews.Named((String) row[0], ((Number) row[1]).longValue())).toList();
        return new InventoryViews.Scopes(site, shelves, without, types);
    }

    /** The site's copies (not withdrawn) counted by one of their columns, most first. */
    @SuppressWarnings("unchecked")
    private List<Object[]> groupedCopies(String column, String site) {
        return em.createNativeQuery("SELECT c." + column + ", count(*) FROM copy c WHERE c.site_code = :site"
                        + " AND c.status <> 'WITHDRAWN' GROUP BY c." + column + " ORDER BY count(*) DESC, c." + column)
                .setParameter("site", site).getResultList();
    }

    /** A page of a site's inventories and how many it has in all. */
    public record SitePage(List<Inventory> inventories, long total) {
    }

    /** Barcodes scanned so far (an open inventory), or when it ended. */
    public long scannedSoFar(Inventory inventory) {
        if (!Inventory.OPEN.equals(inventory.status)) {
            return inventory.scanned;
        }
        return ((Number) em.createNativeQuery("SELECT count(*) FROM inventory_scan WHERE inventory_id = ?1")
                .setParameter(1, inventory.id).getSingleResult()).longValue();
    }

    /** Records a batch of scans; a barcode scanned twice counts once. Scanned copies of the site are seen now. */
    @Transactional
    public InventoryViews.ScanReceipt scan(UUID id, List<String> barcodes) {
        // shared: batches go on side by side, but not while finish or cancel holds the inventory
        Inventory inventory = locked(id, LockModeType.PESSIMISTIC_READ);
        requireOpen(inventory);
        String[] unique = inLockOrder(barcodes);
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("INSERT INTO inventory_scan (inventory_id, barcode, scanned_at)"
                        + " SELECT ?1, b, ?2 FROM unnest(CAST(?3 AS text[])) AS b ORDER BY b ON CONFLICT DO NOTHING")
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

    /**
     * A batch's barcodes, each once, sorted. Two batches of one inventory (two scan guns, or a client retrying) insert
     * into the same unique key side by side: each waits on a barcode the other inserted first and has not committed.
     * In scan order, one batch could hold A waiting for B while the other holds B waiting for A (a deadlock, one batch
     * refused); in one order for all, the second simply waits for the first. The INSERT orders by the barcode too, so
     * the database's collation, the same for every batch, decides that order.
     */
    static String[] inLockOrder(List<String> barcodes) {
        return barcodes.stream().map(String::strip).distinct().sorted().toArray(String[]::new);
    }

    @Transactional
    public Inventory finish(UUID id) {
        // exclusive: waits for the batches being written, and the next ones wait, then find it finished
        Inventory inventory = locked(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(inventory);
        String inScope = scopeSql(inventory);
        String scanned = "EXISTS (SELECT 1 FROM inventory_scan s WHERE s.inventory_id = :inventory"
                + " AND s.barcode = c.barcode)";
        String seenRecently = seenRecently(inventory);

        List<Copy> missing = copies("SELECT c.* FROM copy c WHERE " + inScope + " AND c.status IN (:onShelf)"
                + " AND NOT " + scanned + " AND NOT (" + seenRecently + ")", inventory);
        List<Copy> notChecked = copies("SELECT c.* FROM copy c WHERE " + inScope + " AND c.status IN (:notOnShelf)"
                + " AND NOT " + scanned + " AND NOT (" + seenRecently + ")", inventory);
        List<Copy> found = copies("SELECT c.* FROM copy c WHERE c.site_code = :site AND c.status = 'MISSING'"
                + " AND " + scanned, inventory);
        // a copy on loan is listed once, as on loan, wherever it belongs: checked in at the desk, it goes home
        List<Copy> otherSite = copies("SELECT c.* FROM copy c WHERE c.site_code <> :site"
                + " AND c.status <> 'CHECKED_OUT' AND " + scanned, inventory);
        List<Copy> outOfScope = copies("SELECT c.* FROM copy c WHERE c.site_code = :site AND NOT (" + inScope
                + ") AND c.status <> 'CHECKED_OUT' AND " + scanned, inventory);
        List<Copy> onLoan = copies("SELECT c.* FROM copy c WHERE c.status = 'CHECKED_OUT' AND " + scanned,
                inventory);

        for (Copy copy : missing) {
            copies.applyInventoryStatus(copy, CopyStatus.MISSING, "not found in inventory " + inventory.id);
        }
        for (Copy copy : found) {
            copies.applyInventoryStatus(copy, CopyStatus.AVAILABLE, "found in inventory " + inventory.id);
        }
        // each line with the status the inventory left the copy in
        Lines lines = new Lines();
        lines.add(MISSING, missing);
        lines.add(FOUND, found);
        lines.add(NOT_CHECKED, notChecked);
        lines.add(MISPLACED, otherSite);
        lines.add(MISPLACED, outOfScope);
        lines.add(SCANNED_ON_LOAN, onLoan);
        record(inventory, lines);
        long unknown = count("SELECT count(*) FROM inventory_scan s WHERE s.inventory_id = :inventory"
                + " AND NOT EXISTS (SELECT 1 FROM copy c WHERE c.barcode = s.barcode)", inventory);
        em.createNativeQuery("INSERT INTO inventory_result (inventory_id, kind, barcode)"
                        + " SELECT s.inventory_id, ?2, s.barcode FROM inventory_scan s WHERE s.inventory_id = ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM copy c WHERE c.barcode = s.barcode)"
                        + " ORDER BY s.barcode LIMIT ?3")
                .setParameter(1, inventory.id).setParameter(2, UNKNOWN).setParameter(3, MAX_UNKNOWN_LISTED)
                .executeUpdate();

        inventory.copiesInScope = count("SELECT count(*) FROM copy c WHERE " + inScope
                + " AND c.status <> 'WITHDRAWN'", inventory);
        inventory.copiesSkipped = inventory.skipSeenSince == null ? 0 : count("SELECT count(*) FROM copy c WHERE "
                + inScope + " AND c.status <> 'WITHDRAWN' AND NOT " + scanned + " AND " + seenRecently, inventory);
        inventory.scanned = count("SELECT count(*) FROM inventory_scan s WHERE s.inventory_id = :inventory",
                inventory);
        inventory.missing = missing.size();
        inventory.found = found.size();
        inventory.misplaced = otherSite.size() + outOfScope.size();
        inventory.notChecked = notChecked.size();
        inventory.scannedOnLoan = onLoan.size();
        inventory.unknownBarcodes = unknown;
        inventory.status = Inventory.FINISHED;
        inventory.finishedAt = Instant.now();
        outbox.publish(Topics.CATALOG_INVENTORIES, inventory.siteCode, inventory.id.toString(),
                new InventoryFinished(inventory.id, inventory.siteCode, inventory.scopeDescription(),
                        inventory.startedAt, inventory.finishedAt, inventory.copiesInScope, inventory.scanned,
                        inventory.missing, inventory.found, inventory.misplaced, inventory.copiesSkipped,
                        inventory.notChecked, inventory.scannedOnLoan, inventory.unknownBarcodes));
        return inventory;
    }

    /**
     * Stops an open inventory without a result (started by mistake, on the wrong range): no copy changes, and its
     * scans are dropped, since only finishing reads them (the copies they saw keep their last seen); the number
     * scanned stays on the inventory.
     */
    @Transactional
    public Inventory cancel(UUID id) {
        Inventory inventory = locked(id, LockModeType.PESSIMISTIC_WRITE);
        requireOpen(inventory);
        inventory.scanned = scannedSoFar(inventory);
        em.createNativeQuery("DELETE FROM inventory_scan WHERE inventory_id = ?1").setParameter(1, inventory.id)
                .executeUpdate();
        inventory.status = Inventory.CANCELLED;
        inventory.cancelledBy = scope.userName();
        inventory.cancelledAt = Instant.now();
        return inventory;
    }

    /**
     * What a finished inventory listed, one {@code kind} or all, a page at a time in the order a technician walks the
     * shelves; with the counts per shelf location (of every kind but unknown barcodes, which have no shelf).
     */
    public InventoryViews.Report report(UUID id, String kind, int page, int size) {
        Inventory inventory = get(id);
        String wanted = kind == null || kind.isBlank() ? null
                : kind.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (wanted != null && !KINDS.contains(wanted)) {
            throw ProblemException.badRequest("kind",
                    "missing, found, misplaced, not-checked, scanned-on-loan or unknown");
        }
        String where = " FROM inventory_result WHERE inventory_id = :id" + (wanted == null ? "" : " AND kind = :kind");
        Query lines = em.createNativeQuery("SELECT kind, barcode, copy_id, title, call_number, shelf_location,"
                        + " site_code, copy_status" + where
                        + " ORDER BY shelf_location NULLS LAST, shelf_key NULLS LAST, barcode, kind")
                .setParameter("id", inventory.id).setFirstResult(page * size).setMaxResults(size);
        Query total = em.createNativeQuery("SELECT count(*)" + where).setParameter("id", inventory.id);
        if (wanted != null) {
            lines.setParameter("kind", wanted);
            total.setParameter("kind", wanted);
        }
        List<Object[]> rows = lines.getResultList();
        List<Object[]> shelves = em.createNativeQuery("SELECT coalesce(shelf_location, ''),"
                        + " count(*) FILTER (WHERE kind = 'MISSING'), count(*) FILTER (WHERE kind = 'FOUND'),"
                        + " count(*) FILTER (WHERE kind = 'MISPLACED'), count(*) FILTER (WHERE kind = 'NOT_CHECKED'),"
                        + " count(*) FILTER (WHERE kind = 'SCANNED_ON_LOAN') FROM inventory_result"
                        + " WHERE inventory_id = ?1 AND kind <> 'UNKNOWN' GROUP BY 1 ORDER BY 1")
                .setParameter(1, inventory.id).getResultList();
        return new InventoryViews.Report(inventory.id, inventory.status, wanted == null ? "ALL" : wanted,
                ((Number) total.getSingleResult()).longValue(), page, size,
                rows.stream().map(r -> new InventoryViews.ResultLine((String) r[0], (String) r[1], (UUID) r[2],
                        (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList(),
                shelves.stream().map(r -> new InventoryViews.ShelfCount((String) r[0], ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue())).toList());
    }

    /** The report's lines, in the order they are written: a copy listed twice under one kind is written once. */
    private static final class Lines {
        final List<String> kinds = new ArrayList<>();
        final List<String> copyIds = new ArrayList<>();
        final List<String> shelfKeys = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();

        void add(String kind, List<Copy> copies) {
            for (Copy copy : copies) {
                kinds.add(kind);
                copyIds.add(copy.id.toString());
                shelfKeys.add(ShelfKey.of(copy.callNumber));
                statuses.add(copy.status.name());
            }
        }
    }

    /**
     * Writes the report's lines in one statement: the copy's data and its title's name read by the database, the
     * shelf key and the status the inventory left the copy in as computed here (not flushed yet, perhaps).
     */
    private void record(Inventory inventory, Lines lines) {
        if (lines.kinds.isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO inventory_result (inventory_id, kind, barcode, copy_id, title,"
                        + " call_number, shelf_location, site_code, shelf_key, copy_status)"
                        + " SELECT ?1, r.kind, c.barcode, c.id, t.title, c.call_number, c.shelf_location, c.site_code,"
                        + " r.shelf_key, r.status FROM unnest(CAST(?2 AS text[]), CAST(?3 AS uuid[]),"
                        + " CAST(?4 AS text[]), CAST(?5 AS text[])) WITH ORDINALITY AS r(kind, copy_id, shelf_key,"
                        + " status, line) JOIN copy c ON c.id = r.copy_id JOIN title t ON t.id = c.title_id"
                        + " ORDER BY r.line ON CONFLICT DO NOTHING")
                .setParameter(1, inventory.id).setParameter(2, lines.kinds.toArray(String[]::new))
                .setParameter(3, lines.copyIds.toArray(String[]::new))
                .setParameter(4, lines.shelfKeys.toArray(String[]::new))
                .setParameter(5, lines.statuses.toArray(String[]::new)).executeUpdate();
    }

    /** Copies seen (scanned or checked in) since the inventory's {@code skipSeenSince}, as SQL over {@code copy c}. */
    private static String seenRecently(Inventory i) {
        return i.skipSeenSince == null ? "FALSE"
                : "(c.last_seen_at IS NOT NULL AND c.last_seen_at >= :skipSeenSince)";
    }

    /** The inventory, its row locked for the rest of the transaction; 404 or 403 as {@link #get}. */
    private Inventory locked(UUID id, LockModeType mode) {
        Inventory inventory = Inventory.findById(id, mode);
        if (inventory == null) {
            throw ProblemException.notFound("inventory", id.toString());
        }
        scope.requireManage(inventory.siteCode);
        return inventory;
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
        values.put("notOnShelf", NOT_ON_SHELF);
        values.forEach((name, value) -> {
            if (value != null && sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
    }

    /** 409 naming the state: {@code inventory-finished} or {@code inventory-cancelled}, with {@code status}. */
    private static void requireOpen(Inventory inventory) {
        if (!Inventory.OPEN.equals(inventory.status)) {
            String state = inventory.status.toLowerCase(Locale.ROOT);
            throw ProblemException.conflict("inventory-" + state, "inventory " + inventory.id + " is " + state
                    + "; it takes no more scans and cannot be finished or cancelled").with("status", inventory.status);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
