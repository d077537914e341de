package org.lrms.bench.reporting;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A school year of circulation history at district scale, written straight into reporting's projections (the
 * {@code loan} rows, their {@code circulation_day} counts and the district rollups {@code circulation_rollup},
 * {@code title_month} and {@code borrower_sketch}, as the loan projection keeps them), so that the
 * district-wide reports can be timed over ~20 million loans without replaying 40 million events first.
 * <p>
 * Deterministic by seed (PostgreSQL's {@code setseed}); loan ids are derived from the seed and the row number, so a
 * second run finds the history already there and loads nothing. Loans fall between {@link #FROM} and {@link #TO},
 * on the generator's sites ({@code S0001...}), titles by a skewed popularity, 600,000 borrowers. The rows are
 * synthetic: {@code POST /api/v1/reports/rebuild} replaces every projection with what the topics hold.
 */
public final class LoanHistory {

    public static final String FROM = "2025-08-01";
    public static final String TO = "2026-07-31";
    /** Reporting's sketch size (its BorrowerSketches.LG_K): sketches of one size merge without loss. */
    static final int LG_K = 14;

    /** What a load did. */
    public record Loaded(long loans, long countRows, double seconds, boolean skipped) {
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public LoanHistory(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public Loaded load(long loans, int sites, int patrons, int titles, long seed) throws SQLException {
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            if (present(db, loans, seed)) {
                backfill(db);
                return new Loaded(loans, count(db, "SELECT count(*) FROM circulation_day"), 0, true);
            }
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
                s.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
                s.execute(String.format(Locale.ROOT, """
                        CREATE TEMP TABLE bench_loan ON COMMIT DROP AS
                        SELECT md5('bench-loan-%1$d-' || g)::uuid AS loan_id,
                               md5('bench-title-' || floor(power(random(), 3) * %2$d)::int)::uuid AS title_id,
                               'S' || lpad(((p %% %3$d) + 1)::text, 4, '0') AS site_code,
                               'bench-' || substr(md5('bench-patron-' || p), 1, 26) AS patron_key,
                               CASE WHEN p %% 30 = 0 THEN 'TEACHER' ELSE 'STUDENT' END AS patron_type,
                               CASE WHEN p %% 30 = 0 THEN '' ELSE (p %% 13)::text END AS patron_grade,
                               (ARRAY['BOOK','BOOK','BOOK','BOOK','EBOOK','AUDIOBOOK','DVD'])[1 + g %% 7] AS material_type,
                               (ARRAY['000','100','200','300','400','500','600','700','800','900','FIC'])[1 + (g / 7) %% 11]
                                   AS dewey_class,
                               at AS loaned_at, at + interval '21 days' AS due_at,
                               CASE WHEN g %% 10 <> 0 THEN at + interval '14 days' END AS returned_at
                        FROM (SELECT g, floor(random() * %4$d)::int AS p,
                                     timestamptz '%5$s 08:00 America/Los_Angeles'
                                         + random() * (date '%6$s' - date '%5$s' - 14) * interval '1 day' AS at
                              FROM generate_series(1, %7$d) g) s
                        """, seed, titles, sites, patrons, FROM, TO, loans));
                // a smaller history of the same seed loaded before holds the first loans: count each loan once
                s.execute("DELETE FROM bench_loan b USING loan l WHERE l.loan_id = b.loan_id");
                s.execute("""
                        INSERT INTO loan (loan_id, title_id, site_code, patron_key, borrower, patron_type,
                                          patron_grade, material_type, dewey_class, loaned_at, due_at, returned_at,
                                          status)
                        SELECT loan_id, title_id, site_code, patron_key, patron_key, patron_type, patron_grade,
                               material_type, dewey_class, loaned_at, due_at, returned_at,
                               CASE WHEN returned_at IS NULL THEN 'OUT' ELSE 'RETURNED' END
                        FROM bench_loan
                        """);
                s.execute("""
                        CREATE TEMP TABLE bench_day ON COMMIT DROP AS
                        SELECT day, site_code, kind, material_type, dewey_class, patron_type, patron_grade,
                               count(*) AS events
                        FROM (SELECT (loaned_at AT TIME ZONE 'America/Los_Angeles')::date AS day, 'CHECKOUT' AS kind,
                                     site_code, material_type, dewey_class, patron_type, patron_grade FROM bench_loan
                              UNION ALL
                              SELECT (returned_at AT TIME ZONE 'America/Los_Angeles')::date, 'RETURN', site_code,
                                     material_type, dewey_class, patron_type, patron_grade
                              FROM bench_loan WHERE returned_at IS NOT NULL) e
                        GROUP BY 1, 2, 3, 4, 5, 6, 7
                        """);
                s.execute("""
                        INSERT INTO circulation_day (day, site_code, kind, material_type, dewey_class,
                                                     patron_type, patron_grade, events)
                        SELECT * FROM bench_day
                        ON CONFLICT (day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
                        DO UPDATE SET events = circulation_day.events + EXCLUDED.events
                        """);
                s.execute(ROLLUP.formatted("bench_day"));
                s.execute(TITLE_MONTH.formatted("bench_loan"));
                sketches(db, "bench_loan", "patron_key");
            }
            db.commit();
            try (Statement s = db.createStatement()) {
                db.setAutoCommit(true);
                s.execute("ANALYZE loan");
                s.execute("ANALYZE circulation_day");
                s.execute("ANALYZE circulation_rollup");
                s.execute("ANALYZE title_month");
            }
            return new Loaded(loans, count(db, "SELECT count(*) FROM circulation_day"),
                    (System.nanoTime() - started) / 1e9, false);
        }
    }

    /**
     * The district rollups reporting keeps at ingestion (V7 of reporting's schema), added up from a table of daily
     * counts with circulation_day's columns.
     */
    private static final String ROLLUP = """
            INSERT INTO circulation_rollup (grain, period, dimension, value, kind, events)
            SELECT g.grain, CASE g.grain WHEN 'M' THEN CAST(date_trunc('month', c.day) AS date) ELSE c.day END,
                   d.dimension, d.value, c.kind, sum(c.events)
            FROM %s c
            CROSS JOIN (VALUES ('M'), ('D')) g(grain)
            CROSS JOIN LATERAL (VALUES ('total', ''), ('site', c.site_code), ('material_type', c.material_type),
                                       ('dewey_class', c.dewey_class), ('patron_type', c.patron_type),
                                       ('patron_grade', c.patron_grade)) d(dimension, value)
            GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (grain, dimension, period, value, kind)
            DO UPDATE SET events = circulation_rollup.events + EXCLUDED.events
            """;

    /** Check-outs per title and month, from a table of loans. */
    private static final String TITLE_MONTH = """
            INSERT INTO title_month (month, title_id, checkouts)
            SELECT CAST(date_trunc('month', loaned_at AT TIME ZONE 'America/Los_Angeles') AS date), title_id, count(*)
            FROM %s WHERE title_id IS NOT NULL GROUP BY 1, 2
            ON CONFLICT (month, title_id) DO UPDATE SET checkouts = title_month.checkouts + EXCLUDED.checkouts
            """;

    /**
     * A history loaded before reporting kept rollups: reporting's migration added the rollups and title counts up
     * from what it had, but the borrower sketches can only be made here (and a rollup table still empty is filled).
     */
    private static void backfill(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            if (count(db, "SELECT count(*) FROM (SELECT 1 FROM circulation_rollup LIMIT 1) r") == 0) {
                s.execute(ROLLUP.formatted("circulation_day"));
            }
            if (count(db, "SELECT count(*) FROM (SELECT 1 FROM title_month LIMIT 1) t") == 0) {
                s.execute(TITLE_MONTH.formatted("loan"));
            }
            if (count(db, "SELECT count(*) FROM (SELECT 1 FROM borrower_sketch LIMIT 1) b") == 0) {
                sketches(db, "loan", "COALESCE(borrower, patron_key)");
            }
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /**
     * The district's distinct borrowers as reporting keeps them: a HyperLogLog sketch per day and per month (the
     * union of its days) of the borrowers, merged into what is stored.
     */
    private static void sketches(Connection db, String loans, String borrower) throws SQLException {
        Map<LocalDate, HllSketch> days = new TreeMap<>();
        try (Statement s = db.createStatement()) {
            s.setFetchSize(50_000);
            try (ResultSet rs = s.executeQuery("SELECT (loaned_at AT TIME ZONE 'America/Los_Angeles')::date, "
                    + borrower + " FROM " + loans + " WHERE " + borrower + " IS NOT NULL")) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new HllSketch(LG_K, TgtHllType.HLL_8))
                            .update(rs.getString(2));
                }
            }
        }
        Map<LocalDate, Union> months = new TreeMap<>();
        days.forEach((day, sketch) -> months.computeIfAbsent(day.withDayOfMonth(1), m -> new Union(LG_K))
                .update(sketch));
        for (Map.Entry<LocalDate, HllSketch> day : days.entrySet()) {
            mergeSketch(db, "D", day.getKey(), day.getValue());
        }
        for (Map.Entry<LocalDate, Union> month : months.entrySet()) {
            mergeSketch(db, "M", month.getKey(), month.getValue().getResult(TgtHllType.HLL_8));
        }
    }

    private static void mergeSketch(Connection db, String grain, LocalDate period, HllSketch sketch)
            throws SQLException {
        Union union = new Union(LG_K);
        union.update(sketch);
        try (PreparedStatement read = db.prepareStatement(
                "SELECT sketch FROM borrower_sketch WHERE grain = ? AND period = ? FOR UPDATE")) {
            read.setString(1, grain);
            read.setObject(2, period);
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    union.update(HllSketch.heapify(rs.getBytes(1)));
                }
            }
        }
        try (PreparedStatement write = db.prepareStatement("""
                INSERT INTO borrower_sketch (grain, period, sketch) VALUES (?, ?, ?)
                ON CONFLICT (grain, period) DO UPDATE SET sketch = EXCLUDED.sketch""")) {
            write.setString(1, grain);
            write.setObject(2, period);
            write.setBytes(3, union.getResult(TgtHllType.HLL_8).toCompactByteArray());
            write.executeUpdate();
        }
    }

    /** The last loan of this size and seed is there: the history was loaded before. */
    private static boolean present(Connection db, long loans, long seed) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM loan WHERE loan_id = md5(?)::uuid")) {
            q.setString(1, "bench-loan-" + seed + "-" + loans);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
