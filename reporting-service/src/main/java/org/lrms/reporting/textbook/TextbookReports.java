package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.lrms.kit.jdbc.Columns.instant;
import static org.lrms.reporting.report.Scalars.count;

/**
 * The textbooks report from the roster, adoption, stock and distribution projections: the students per site and
 * course ({@code roster_course}) and the distributions per site, title and day ({@code textbook_distribution_day},
 * {@code _now}) are counted on arrival, so a district report reads tens of thousands of rows, not millions.
 */
@ApplicationScoped
public class TextbookReports {

    static final List<String> TOPICS = List.of(Topics.CIRCULATION_ROSTER, Topics.TEXTBOOK_ADOPTIONS,
            Topics.TEXTBOOK_STOCK, Topics.TEXTBOOK_DISTRIBUTIONS);

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    private record Key(String site, UUID textbookTitleId) {
    }

    /** One site's textbook title, added up from its count, its courses and its distributions. */
    private static final class Title {
        final String site;
        final UUID textbookTitleId;
        String isbn;
        String title;
        long copies;
        long available;
        long distributedNow;
        long damaged;
        Instant countedAt;
        long needed;
        long distributed;
        long returned;
        long lost;
        long outstanding;
        long lostTotal;

        Title(Key key) {
            this.site = key.site();
            this.textbookTitleId = key.textbookTitleId();
        }

        void name(String isbn, String title) {
            this.isbn = this.isbn != null ? this.isbn : isbn;
            this.title = this.title != null ? this.title : title;
        }

        TextbookReport.TitleRow row() {
            Sufficiency s = Sufficiency.ofNeeded(needed, available, distributedNow);
            return new TextbookReport.TitleRow(site, textbookTitleId, isbn, title, copies, available, damaged,
                    countedAt, needed, s.shortfall(), s.sufficient(), distributed, returned, lost, outstanding,
                    lostTotal);
        }
    }

    @Transactional
    public TextbookReport report(ReportScope scope, ReportPeriod period, LocalDate today) {
        Map<Key, Title> titles = new HashMap<>();
        for (Object[] r : stock(scope)) {
            Title t = titles.computeIfAbsent(new Key((String) r[0], (UUID) r[1]), Title::new);
            t.name((String) r[2], (String) r[3]);
            t.copies = count(r[4]);
            t.available = count(r[5]);
            t.distributedNow = count(r[6]);
            t.damaged = count(r[7]);
            t.countedAt = instant(r[8]);
        }
        List<TextbookReport.CourseRow> courses = new ArrayList<>();
        for (Object[] r : sufficiency(scope)) {
            String site = (String) r[0];
            UUID titleId = (UUID) r[3];
            int perStudent = ((Number) r[6]).intValue();
            long students = count(r[8]);
            long available = count(r[10]);
            long distributedNow = count(r[11]);
            Sufficiency s = Sufficiency.of(students, perStudent, available, distributedNow);
            courses.add(new TextbookReport.CourseRow(site, (String) r[1], (String) r[2], titleId, (String) r[4],
                    (String) r[5], (String) r[7], perStudent, students, s.needed(), count(r[9]), available,
                    distributedNow, s.shortfall(), s.sufficient()));
            Title t = titles.computeIfAbsent(new Key(site, titleId), Title::new);
            t.name((String) r[4], (String) r[5]);
            t.needed += s.needed();
        }
        for (Object[] r : distributions(scope, period)) {
            Title t = titles.computeIfAbsent(new Key((String) r[0], (UUID) r[1]), Title::new);
            t.name((String) r[2], (String) r[3]);
            t.distributed = count(r[4]);
            t.returned = count(r[5]);
            t.lost = count(r[6]);
            t.outstanding = count(r[7]);
            t.lostTotal = count(r[8]);
        }
        List<TextbookReport.TitleRow> rows = titles.values().stream().map(Title::row)
                .sorted(Comparator.comparing(TextbookReport.TitleRow::site)
                        .thenComparing(r -> Objects.requireNonNullElse(r.title(), ""))
                        .thenComparing(TextbookReport.TitleRow::textbookTitleId))
                .toList();
        TextbookReport.Totals totals = new TextbookReport.Totals(courses.size(),
                courses.stream().filter(TextbookReport.CourseRow::sufficient).count(),
                courses.stream().mapToLong(TextbookReport.CourseRow::copiesNeeded).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::shortfall).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::distributed).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::returned).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::lost).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::outstanding).sum(),
                rows.stream().mapToLong(TextbookReport.TitleRow::lostTotal).sum());
        return new TextbookReport(scope.label(), scope.sites(), period.from(), period.to(), today, totals, courses,
                rows, freshness.of(TOPICS));
    }

    /**
     * Per site, course and adopted title: the site's own active adoptions, and the district's at every site with an
     * active class of the course unless the site adopted (or ended) that title for the course itself.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> sufficiency(ReportScope scope) {
        return scope.bind(em.createNativeQuery("""
                        WITH enrolled AS (
                            SELECT site_code, course_code, course_title, students
                            FROM roster_course
                            WHERE (:district OR site_code IN (:sites))
                        ), applying AS (
                            SELECT a.site_code, a.course_code, a.textbook_title_id, a.isbn, a.title,
                                   a.copies_per_student, 'SITE' AS adopted_by
                            FROM textbook_adoption a
                            WHERE a.site_code IS NOT NULL AND a.status = 'ACTIVE'
                              AND (:district OR a.site_code IN (:sites))
                            UNION ALL
                            SELECT en.site_code, a.course_code, a.textbook_title_id, a.isbn, a.title,
                                   a.copies_per_student, 'DISTRICT'
                            FROM textbook_adoption a
                            JOIN enrolled en ON en.course_code = a.course_code
                            WHERE a.site_code IS NULL AND a.status = 'ACTIVE'
                              AND NOT EXISTS (SELECT 1 FROM textbook_adoption own
                                              WHERE own.site_code = en.site_code
                                                AND own.course_code = a.course_code
                                                AND own.textbook_title_id = a.textbook_title_id)
                        )
                        SELECT ap.site_code, ap.course_code, en.course_title, ap.textbook_title_id, ap.isbn,
                               ap.title, ap.copies_per_student, ap.adopted_by, coalesce(en.students, 0),
                               st.copies, st.available, st.distributed
                        FROM applying ap
                        LEFT JOIN enrolled en ON en.site_code = ap.site_code AND en.course_code = ap.course_code
                        LEFT JOIN textbook_stock st ON st.site_code = ap.site_code
                            AND st.textbook_title_id = ap.textbook_title_id
                        ORDER BY ap.site_code, ap.course_code, ap.title, ap.textbook_title_id, ap.adopted_by
                        """))
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> stock(ReportScope scope) {
        return scope.bind(em.createNativeQuery("""
                        SELECT site_code, textbook_title_id, isbn, title, copies, available, distributed, damaged,
                               counted_at
                        FROM textbook_stock
                        WHERE (:district OR site_code IN (:sites))
                        """))
                .getResultList();
    }

    /** The period's days added up, and the counts of now (lost now: declared lost and not returned since). */
    @SuppressWarnings("unchecked")
    private List<Object[]> distributions(ReportScope scope, ReportPeriod period) {
        return scope.bind(em.createNativeQuery("""
                        SELECT n.site_code, n.textbook_title_id, n.isbn, n.title, coalesce(sum(d.distributed), 0),
                               coalesce(sum(d.returned), 0), coalesce(sum(d.lost), 0), n.outstanding, n.lost
                        FROM textbook_distribution_now n
                        LEFT JOIN textbook_distribution_day d ON d.site_code = n.site_code
                            AND d.textbook_title_id = n.textbook_title_id AND d.day BETWEEN :from AND :to
                        WHERE (:district OR n.site_code IN (:sites))
                        GROUP BY n.site_code, n.textbook_title_id, n.isbn, n.title, n.outstanding, n.lost
                        HAVING n.outstanding > 0 OR n.lost > 0 OR sum(d.distributed) > 0 OR sum(d.returned) > 0
                            OR sum(d.lost) > 0
                        """), period)
                .getResultList();
    }
}
