package org.lrms.reporting.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;
import org.lrms.reporting.patron.Enrolments;

import java.util.ArrayList;
import java.util.List;

import static org.lrms.reporting.report.Scalars.average;
import static org.lrms.reporting.report.Scalars.count;
import static org.lrms.reporting.report.Scalars.money;
import static org.lrms.reporting.report.Scalars.ratio;

/** Collection statistics from the title and copy projections. */
@ApplicationScoped
public class CollectionReports {

    static final List<String> TOPICS = List.of(Topics.CATALOG_TITLES, Topics.CATALOG_COPIES);

    /** Copies in scope; ?1.. parameters are bound by {@link #bind}. */
    private static final String IN_SCOPE = "(:district OR c.site_code IN (:sites))";

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    @Inject
    Enrolments enrolments;

    @Transactional
    public CollectionReport report(ReportScope scope, ReportPeriod period) {
        long titles = count(em.createNativeQuery("SELECT count(*) FROM title WHERE NOT deleted").getSingleResult());
        Object[] totals = (Object[]) scope.bind(em.createNativeQuery("""
                SELECT count(DISTINCT c.title_id) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.withdrawn_on IS NULL),
                       avg(c.publication_year) FILTER (WHERE c.withdrawn_on IS NULL),
                       sum(c.price) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.added_on BETWEEN :from AND :to),
                       count(*) FILTER (WHERE c.withdrawn_on BETWEEN :from AND :to)
                FROM copy c WHERE""" + " " + IN_SCOPE), period).getSingleResult();
        long copies = count(totals[1]);
        Long enrolment = enrolments.enrolment(scope);

        List<CollectionReport.MaterialTypeRow> byMaterialType = new ArrayList<>();
        for (Object[] r : rows(scope.bind(em.createNativeQuery("""
                SELECT coalesce(c.material_type, 'UNKNOWN') AS material_type,
                       count(DISTINCT c.title_id) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.added_on BETWEEN :from AND :to),
                       count(*) FILTER (WHERE c.withdrawn_on BETWEEN :from AND :to)
                FROM copy c WHERE""" + " " + IN_SCOPE + " GROUP BY 1 ORDER BY 1"), period))) {
            byMaterialType.add(new CollectionReport.MaterialTypeRow((String) r[0], count(r[1]), count(r[2]),
                    count(r[3]), count(r[4])));
        }

        List<CollectionReport.DeweyClassRow> byDeweyClass = new ArrayList<>();
        for (Object[] r : rows(scope.bind(em.createNativeQuery("""
                SELECT c.dewey_class,
                       count(DISTINCT c.title_id) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.withdrawn_on IS NULL),
                       avg(c.publication_year) FILTER (WHERE c.withdrawn_on IS NULL),
                       sum(c.price) FILTER (WHERE c.withdrawn_on IS NULL),
                       count(*) FILTER (WHERE c.added_on BETWEEN :from AND :to),
                       count(*) FILTER (WHERE c.withdrawn_on BETWEEN :from AND :to)
                FROM copy c WHERE""" + " " + IN_SCOPE + " GROUP BY 1 ORDER BY 1"), period))) {
            String deweyClass = (String) r[0];
            byDeweyClass.add(new CollectionReport.DeweyClassRow(deweyClass, DeweyClass.label(deweyClass),
                    count(r[1]), count(r[2]), average(r[3]), money(r[4]), count(r[5]), count(r[6])));
        }

        return new CollectionReport(scope.label(), scope.sites(), period.from(), period.to(), titles,
                count(totals[0]), copies, average(totals[2]), money(totals[3]), enrolment,
                ratio(copies, enrolment), count(totals[4]), count(totals[5]), byMaterialType, byDeweyClass,
                freshness.of(TOPICS));
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
