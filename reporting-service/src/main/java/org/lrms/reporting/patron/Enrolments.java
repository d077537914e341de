package org.lrms.reporting.patron;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.reporting.report.ReportScope;

/** Students enrolled in a scope: active student patrons by home site (circulation keeps them from the roster). */
@ApplicationScoped
public class Enrolments {

    @Inject
    EntityManager em;

    /** Active students in scope, or null while no patron is known at all (the roster has not been loaded). */
    @Transactional
    public Long enrolment(ReportScope scope) {
        Object[] r = (Object[]) scope.bind(em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE patron_type = 'STUDENT' AND status = 'ACTIVE'
                                                  AND (:district OR home_site IN (:sites))),
                               count(*)
                        FROM patron
                        """))
                .getSingleResult();
        return ((Number) r[1]).longValue() == 0 ? null : ((Number) r[0]).longValue();
    }
}
