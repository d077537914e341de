package org.lrms.reporting.patron;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportScope;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.lrms.reporting.report.Scalars.count;
import static org.lrms.kit.jdbc.Columns.instant;
import static org.lrms.reporting.report.Scalars.money;

/**
 * Overdue lists, patrons with fees, patrons with items out: from the loan and fee projections joined to the
 * patron projection (homeroom, grade, status). Sorted by site, homeroom and patron so lists can be handed out.
 */
@ApplicationScoped
public class PatronReports {

    public static final int MAX_ROWS = 5000;
    static final List<String> TOPICS = List.of(Topics.CIRCULATION_LOANS, Topics.CIRCULATION_PATRONS,
            Topics.CATALOG_TITLES);

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    @Transactional
    public PatronReport<PatronReport.OverdueRow> overdue(ReportScope scope, Instant now) {
        Query q = em.createNativeQuery("""
                        SELECT l.site_code, p.homeroom, coalesce(p.grade, l.patron_grade), l.patron_key,
                               l.patron_type, l.title_id, t.title, l.loaned_at, l.due_at
                        FROM loan l
                        LEFT JOIN patron p ON p.patron_key = l.patron_key
                        LEFT JOIN title t ON t.title_id = l.title_id
                        WHERE (:district OR l.site_code IN (:sites)) AND l.status = 'OUT' AND l.due_at < :now
                        ORDER BY l.site_code, p.homeroom NULLS LAST, l.patron_key, l.due_at
                        """)
                .setParameter("now", Timestamp.from(now));
        return report("overdue", scope, now, q, r -> new PatronReport.OverdueRow((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], instant(r[7]),
                instant(r[8]), Duration.between(instant(r[8]), now).toDays()), TOPICS);
    }

    @Transactional
    public PatronReport<PatronReport.FeeRow> withFees(ReportScope scope, Instant now) {
        Query q = em.createNativeQuery("""
                        SELECT f.site_code, p.homeroom, coalesce(p.grade, max(f.patron_grade)), f.patron_key,
                               max(f.patron_type), count(*), sum(f.balance)
                        FROM fee f
                        LEFT JOIN patron p ON p.patron_key = f.patron_key
                        WHERE (:district OR f.site_code IN (:sites)) AND f.status = 'OPEN' AND f.balance > 0
                          AND f.patron_key IS NOT NULL
                        GROUP BY f.site_code, p.homeroom, p.grade, f.patron_key
                        ORDER BY f.site_code, p.homeroom NULLS LAST, f.patron_key
                        """);
        return report("patrons-with-fees", scope, now, q, r -> new PatronReport.FeeRow((String) r[0],
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], count(r[5]), money(r[6])),
                List.of(Topics.CIRCULATION_FEES, Topics.CIRCULATION_PATRONS));
    }

    /** Patrons with items out or lost; {@code inactiveOnly} keeps those who left (inactive or graduated). */
    @Transactional
    public PatronReport<PatronReport.ItemsOutRow> itemsOut(ReportScope scope, Instant now, boolean inactiveOnly) {
        Query q = em.createNativeQuery("""
                        SELECT l.site_code, p.homeroom, coalesce(p.grade, max(l.patron_grade)), l.patron_key,
                               max(l.patron_type), coalesce(p.status, 'UNKNOWN'),
                               count(*) FILTER (WHERE l.status = 'OUT'), count(*) FILTER (WHERE l.status = 'LOST'),
                               min(l.due_at)
                        FROM loan l
                        LEFT JOIN patron p ON p.patron_key = l.patron_key
                        WHERE (:district OR l.site_code IN (:sites)) AND l.status IN ('OUT', 'LOST')
                          AND l.patron_key IS NOT NULL AND (NOT :inactive OR p.status IN ('INACTIVE', 'GRADUATED'))
                        GROUP BY l.site_code, p.homeroom, p.grade, l.patron_key, p.status
                        ORDER BY l.site_code, p.homeroom NULLS LAST, l.patron_key
                        """)
                .setParameter("inactive", inactiveOnly);
        return report(inactiveOnly ? "inactive-patrons-with-items" : "patrons-with-items-out", scope, now, q,
                r -> new PatronReport.ItemsOutRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], count(r[6]), count(r[7]), instant(r[8])), TOPICS);
    }

    private <R> PatronReport<R> report(String name, ReportScope scope, Instant now, Query query,
                                       Function<Object[], R> row, List<String> topics) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = scope.bind(query)
                .setMaxResults(MAX_ROWS + 1)
                .getResultList();
        List<R> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_ROWS, found.size()); i++) {
            rows.add(row.apply(found.get(i)));
        }
        return new PatronReport<>(name, scope.label(), scope.sites(), now, rows.size(), found.size() > MAX_ROWS,
                rows, freshness.of(topics));
    }
}
