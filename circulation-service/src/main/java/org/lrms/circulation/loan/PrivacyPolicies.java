package org.lrms.circulation.loan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.kit.jdbc.Columns;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;

/**
 * The district's privacy policy for closed loans, kept as data (one row, {@code privacy_policy}): how many days a
 * returned loan keeps its patron before it is anonymized. {@link LoanPrivacy} reads it inside its own statements.
 */
@ApplicationScoped
public class PrivacyPolicies {

    /** The longest period a district may keep closed loans linked to patrons (ten years). */
    static final int MAX_DAYS = 3650;

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    public record PrivacyPolicyView(int keepClosedLoansDays, Instant updatedAt, String updatedBy) {
    }

    @Transactional
    public PrivacyPolicyView current() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT keep_closed_loans_days, updated_at, updated_by FROM privacy_policy WHERE id = 1")
                .getSingleResult();
        return view(row);
    }

    /** Sets the period; loans already kept longer than a shortened period are anonymized by the next nightly run. */
    @Transactional
    public PrivacyPolicyView change(int keepClosedLoansDays) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        UPDATE privacy_policy SET keep_closed_loans_days = ?1, updated_at = now(), updated_by = ?2
                        WHERE id = 1 RETURNING keep_closed_loans_days, updated_at, updated_by""")
                .setParameter(1, keepClosedLoansDays).setParameter(2, scope.userName()).getSingleResult();
        return view(row);
    }

    private static PrivacyPolicyView view(Object[] row) {
        return new PrivacyPolicyView(((Number) row[0]).intValue(), Columns.instant(row[1]), (String) row[2]);
    }
}
