package org.lrms.bench.reporting;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A school year of circulation history at district scale, written straight into reporting's projections (the
 * {@code loan} rows and their {@code circulation_day} counts, as the loan projection keeps them), so that the
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
                for (String kind : new String[]{"CHECKOUT", "RETURN"}) {
                    String at = kind.equals("CHECKOUT") ? "loaned_at" : "returned_at";
                    s.execute("""
                            INSERT INTO circulation_day (day, site_code, kind, material_type, dewey_class,
                                                         patron_type, patron_grade, events)
                            SELECT (%1$s AT TIME ZONE 'America/Los_Angeles')::date, site_code, '%2$s',
                                   material_type, dewey_class, patron_type, patron_grade, count(*)
                            FROM bench_loan WHERE %1$s IS NOT NULL GROUP BY 1, 2, 4, 5, 6, 7
                            ON CONFLICT (day, site_code, kind, material_type, dewey_class, patron_type,
                                         patron_grade)
                            DO UPDATE SET events = circulation_day.events + EXCLUDED.events
                            """.formatted(at, kind));
                }
            }
            db.commit();
            try (Statement s = db.createStatement()) {
                db.setAutoCommit(true);
                s.execute("ANALYZE loan");
                s.execute("ANALYZE circulation_day");
            }
            return new Loaded(loans, count(db, "SELECT count(*) FROM circulation_day"),
                    (System.nanoTime() - started) / 1e9, false);
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
