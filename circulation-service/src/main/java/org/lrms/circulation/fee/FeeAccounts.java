package org.lrms.circulation.fee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.jdbc.Columns;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads the fee ledger back: a patron's account (every charge, payment, waiver and refund, with the balance after
 * each), a receipt by its number, and the payments and refunds of a period for the district's finance. The ledger
 * is {@code fee} (a charge) and {@code fee_transaction} (payments, waivers, refunds); nothing here writes.
 */
@ApplicationScoped
public class FeeAccounts {

    /** Kinds of ledger entries: a fee charged, then the movements against it. */
    public static final List<String> KINDS = List.of("CHARGE", "PAYMENT", "WAIVER", "REFUND");

    /**
     * Every entry of one patron's ledger with the balance owed after it (all the patron's fees) and the fee's own
     * balance after it. A charge adds its amount, a payment or a waiver takes its amount off; a refund hands back
     * what was paid of a fee already forgiven (what was still open was waived just before), so what is owed does
     * not move. Charges come before the movements of the same instant; ties go by entry id, the same order for
     * both sums and the listing.
     */
    private static final String LEDGER = """
            WITH entry AS (
                SELECT f.created_at AS at, 0 AS seq, f.id AS entry_id, 'CHARGE' AS kind, f.amount,
                       f.amount AS change, f.id AS fee_id, f.kind AS fee_kind, f.site_code,
                       CAST(NULL AS text) AS method, f.note AS reason, CAST(NULL AS text) AS receipt_no,
                       f.created_by AS by_user, CAST(NULL AS text) AS desk_site, c.barcode AS item_barcode,
                       c.title AS item_title
                FROM fee f LEFT JOIN loan l ON l.id = f.loan_id AND l.patron_id = :patron
                LEFT JOIN copy c ON c.id = l.copy_id
                WHERE f.patron_id = :patron
                UNION ALL
                SELECT t.at, 1, t.id, t.kind, t.amount, CASE WHEN t.kind = 'REFUND' THEN 0 ELSE -t.amount END,
                       f.id, f.kind, f.site_code, t.method, t.reason, t.receipt_no, t.by_user, t.desk_site,
                       c.barcode, c.title
                FROM fee_transaction t JOIN fee f ON f.id = t.fee_id
                LEFT JOIN loan l ON l.id = f.loan_id AND l.patron_id = :patron
                LEFT JOIN copy c ON c.id = l.copy_id
                WHERE f.patron_id = :patron
            ), running AS (
                SELECT entry.*,
                       sum(change) OVER (ORDER BY at, seq, entry_id ROWS UNBOUNDED PRECEDING) AS balance_after,
                       sum(change) OVER (PARTITION BY fee_id ORDER BY at, seq, entry_id
                                         ROWS UNBOUNDED PRECEDING) AS fee_balance_after
                FROM entry
            )
            SELECT at, kind, amount, change, balance_after, fee_id, fee_kind, site_code, fee_balance_after, method,
                   reason, receipt_no, by_user, count(*) OVER () AS total, desk_site, item_barcode, item_title
            FROM running WHERE %s
            ORDER BY at DESC, seq DESC, entry_id DESC LIMIT :limit OFFSET :offset
            """;

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    @Inject
    CirculationConfig config;

    /**
     * One entry of a patron's ledger; {@code change} is its effect on what is owed, {@code balance} what is owed
     * after it. {@code itemBarcode} and {@code itemTitle}: the item of the fee's loan while that loan is still the
     * patron's; null for a fee of no loan, and once the loan is anonymized (the privacy policy): the ledger keeps the
     * money, not what the patron borrowed.
     */
    public record Entry(Instant at, String kind, BigDecimal amount, BigDecimal change, BigDecimal balance,
                        UUID feeId, String feeKind, String siteCode, BigDecimal feeBalance, String method,
                        String reason, String receiptNo, String by, String deskSite, String itemBarcode,
                        String itemTitle) {
    }

    /** A patron's account: what is owed now, and a page of the ledger, newest first. */
    public record Account(UUID patronId, BigDecimal balance, LocalDate from, LocalDate to, String kind, int page,
                          int size, long total, List<Entry> entries) {
    }

    /**
     * A receipt printed again: one payment (to one or several fees), a waiver or a refund; {@code by} the staff
     * member, {@code deskSite} the site of the desk that took the payment or handed the refund back (null for a
     * waiver, for a payment district-wide staff took without naming a desk, for a refund at a check-in site this
     * service does not know, and for what was booked before the desk was recorded).
     */
    public record Receipt(String receiptNo, String kind, UUID patronId, Instant at, String by, String deskSite,
                          String method, String reason, BigDecimal amount, List<ReceiptLine> lines,
                          BigDecimal balance) {
    }

    /** A fee on a receipt: what went to it, and what was left of it after. */
    public record ReceiptLine(UUID feeId, String feeKind, String siteCode, BigDecimal amount,
                              BigDecimal feeBalance) {
    }

    /**
     * A payment or refund for the district's finance: the patron by id only; {@code deskSite} where the money was
     * taken or handed back (the fee's site for what was booked before the desk was recorded), {@code siteCode} the
     * fee's site.
     */
    public record Movement(Instant at, String kind, BigDecimal amount, String method, String receiptNo,
                           String siteCode, UUID feeId, String feeKind, UUID patronId, String deskSite) {
    }

    /**
     * Payments and refunds taken at a site's desks (or at all the sites, in {@code total}) in a period; {@code net} is
     * paid less refunded.
     */
    public record SiteTotals(String siteCode, long payments, BigDecimal paid, long refunds, BigDecimal refunded,
                             BigDecimal net) {
    }

    public record Reconciliation(LocalDate from, LocalDate to, String timeZone, String siteCode, SiteTotals total,
                                 List<SiteTotals> sites, int page, int size, long entries,
                                 List<Movement> movements) {
    }

    /** A patron's account, for staff of the patron's home site and district staff. */
    @Transactional
    public Account account(UUID patronId, LocalDate from, LocalDate to, String kind, int page, int size) {
        Patron patron = Patron.findById(patronId);
        if (patron == null) {
            throw ProblemException.notFound("patron", patronId.toString());
        }
        scope.requireManage(patron.homeSite);
        checkPeriod(from, to);
        String entryKind = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(Locale.ROOT);
        List<String> where = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null) {
            where.add("at >= :from");
            params.put("from", startOf(from));
        }
        if (to != null) {
            where.add("at < :to");
            params.put("to", startOf(to.plusDays(1)));
        }
        if (entryKind != null) {
            where.add("kind = :kind");
            params.put("kind", entryKind);
        }
        Page rows = ledger(patron.id, String.join(" AND ", where), params, page, size);
        long total = rows.total;
        if (rows.entries.isEmpty() && page > 0) {
            total = ledger(patron.id, String.join(" AND ", where), params, 0, 1).total;
        }
        return new Account(patron.id, patron.feeBalance.setScale(2), from, to, entryKind, page, size, total,
                rows.entries);
    }

    /** A receipt by its number (any case), for staff of the patron's home site and district staff. */
    @Transactional
    public Printable receipt(String receiptNo) {
        String number = receiptNo.strip().toUpperCase(Locale.ROOT);
        @SuppressWarnings("unchecked")
        List<Object> owners = em.createNativeQuery("SELECT DISTINCT f.patron_id FROM fee_transaction t "
                        + "JOIN fee f ON f.id = t.fee_id WHERE t.receipt_no = ?1")
                .setParameter(1, number).getResultList();
        if (owners.isEmpty()) {
            throw ProblemException.notFound("receipt", number);
        }
        // fees settled longer ago than the finance retention have no patron any more (LoanPrivacy)
        Object owner = owners.stream().filter(Objects::nonNull).findFirst().orElse(null);
        if (owner == null) {
            throw new ProblemException(410, "Gone", "receipt-past-retention", "receipt " + number
                    + " is older than the privacy policy keeps a settled fee with its patron: the district's ledger "
                    + "(GET /api/v1/ledger) still has its amounts");
        }
        Patron patron = Patron.findById(uuid(owner));
        scope.requireManage(patron.homeSite);
        List<Entry> entries = new ArrayList<>(ledger(patron.id, "receipt_no = :receipt",
                Map.of("receipt", number), 0, 10_000).entries);
        Collections.reverse(entries); // in the order they were booked
        Entry first = entries.get(0);
        Entry last = entries.get(entries.size() - 1);
        BigDecimal amount = entries.stream().map(Entry::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<ReceiptLine> lines = entries.stream()
                .map(e -> new ReceiptLine(e.feeId(), e.feeKind(), e.siteCode(), e.amount(), e.feeBalance()))
                .toList();
        Receipt receipt = new Receipt(number, first.kind(), patron.id, first.at(), first.by(), first.deskSite(),
                first.method(), first.reason(), amount, lines, last.balance());
        // the school whose desk took the money heads the printed copy; the fee's when no desk was recorded
        String heading = first.deskSite() != null ? first.deskSite() : first.siteCode();
        Site site = Site.findById(heading);
        return new Printable(receipt, patron.firstName + " " + patron.lastName, patron.barcode,
                site == null ? heading : site.name + " (" + site.code + ")");
    }

    /** A receipt with what only its printed copy shows: the patron's name and barcode, the school's name. */
    public record Printable(Receipt receipt, String patronName, String patronBarcode, String siteName) {
    }

    /**
     * Payments and refunds booked from {@code from} to {@code to} (local days of the district, both included), at
     * one site or all, with totals per site: for the district's finance to reconcile. The site is the desk's, where
     * the money was taken or handed back (the cash drawer to count), not the fee's; what was booked before the desk
     * was recorded (V28) counts at the fee's site. Patrons by id only; no names, reasons, notes nor staff members.
     */
    @Transactional
    public Reconciliation reconciliation(LocalDate from, LocalDate to, String siteCode, int page, int size) {
        scope.requireDistrict();
        if (from == null) {
            throw ProblemException.badRequest("from", "is required (yyyy-mm-dd)");
        }
        if (to == null) {
            throw ProblemException.badRequest("to", "is required (yyyy-mm-dd)");
        }
        checkPeriod(from, to);
        String site = siteCode == null || siteCode.isBlank() ? null : SiteService.normalize(siteCode);
        if (site != null && Site.findById(site) == null) {
            throw ProblemException.notFound("site", site);
        }
        String where = "t.at >= :from AND t.at < :to AND t.kind IN ('PAYMENT', 'REFUND')"
                + (site == null ? "" : " AND " + DESK + " = :site");
        Query totalsQuery = em.createNativeQuery("SELECT " + DESK + ", t.kind, count(*), sum(t.amount) "
                + "FROM fee_transaction t JOIN fee f ON f.id = t.fee_id WHERE " + where
                + " GROUP BY 1, 2 ORDER BY 1, 2");
        Query movementsQuery = em.createNativeQuery("SELECT t.at, t.kind, t.amount, t.method, t.receipt_no, "
                + "f.site_code, f.id, f.kind AS fee_kind, f.patron_id, " + DESK + " FROM fee_transaction t "
                + "JOIN fee f ON f.id = t.fee_id WHERE " + where + " ORDER BY t.at, t.id LIMIT :limit OFFSET :offset")
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        for (Query q : List.of(totalsQuery, movementsQuery)) {
            q.setParameter("from", startOf(from)).setParameter("to", startOf(to.plusDays(1)));
            if (site != null) {
                q.setParameter("site", site);
            }
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Object row : totalsQuery.getResultList()) {
            Object[] r = (Object[]) row;
            int i = "PAYMENT".equals(r[1]) ? 0 : 1;
            counts.computeIfAbsent((String) r[0], k -> new long[2])[i] = ((Number) r[2]).longValue();
            sums.computeIfAbsent((String) r[0], k -> new BigDecimal[]{money(0), money(0)})[i] = money(r[3]);
        }
        List<SiteTotals> sites = new ArrayList<>();
        long[] allCounts = new long[2];
        BigDecimal[] allSums = {money(0), money(0)};
        counts.forEach((code, c) -> {
            BigDecimal[] s = sums.get(code);
            sites.add(totals(code, c, s));
            allCounts[0] += c[0];
            allCounts[1] += c[1];
            allSums[0] = allSums[0].add(s[0]);
            allSums[1] = allSums[1].add(s[1]);
        });
        List<Movement> movements = new ArrayList<>();
        for (Object row : movementsQuery.getResultList()) {
            Object[] r = (Object[]) row;
            movements.add(new Movement(Columns.instant(r[0]), (String) r[1], money(r[2]), (String) r[3],
                    (String) r[4], (String) r[5], uuid(r[6]), (String) r[7], r[8] == null ? null : uuid(r[8]),
                    (String) r[9]));
        }
        return new Reconciliation(from, to, config.timeZone().getId(), site, totals(null, allCounts, allSums),
                sites, page, size, allCounts[0] + allCounts[1], movements);
    }

    /** The site of the desk of a payment or refund; the fee's for those booked before the desk was recorded. */
    private static final String DESK = "COALESCE(t.desk_site, f.site_code)";

    private static SiteTotals totals(String site, long[] counts, BigDecimal[] sums) {
        return new SiteTotals(site, counts[0], sums[0], counts[1], sums[1], sums[0].subtract(sums[1]));
    }

    private record Page(List<Entry> entries, long total) {
    }

    private Page ledger(UUID patronId, String where, Map<String, Object> params, int page, int size) {
        Query query = em.createNativeQuery(LEDGER.formatted(where)).setParameter("patron", patronId)
                .setParameter("limit", size).setParameter("offset", (long) page * size);
        params.forEach(query::setParameter);
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new Entry(Columns.instant(r[0]), (String) r[1], money(r[2]), money(r[3]), money(r[4]),
                    uuid(r[5]), (String) r[6], (String) r[7], money(r[8]), (String) r[9], (String) r[10],
                    (String) r[11], (String) r[12], (String) r[14], (String) r[15], (String) r[16]));
            total = ((Number) r[13]).longValue();
        }
        return new Page(entries, total);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after to (" + to + ")");
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(config.timeZone()).toInstant();
    }

    private static BigDecimal money(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(2);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
