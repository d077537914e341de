package org.lrms.circulation.loan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.kit.jdbc.Columns;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;

/**
 * The district's privacy policy, kept as data (one row, {@code privacy_policy}): how many days a returned loan and a
 * closed hold keep their patron before they are anonymized, and how many days a settled fee keeps it (the finance
 * retention) before the patron is detached. {@link LoanPrivacy} reads it inside its own statements.
 */
@ApplicationScoped
public class PrivacyPolicies {

    /** The longest period a district may keep closed loans linked to patrons (ten years). */
    static final int MAX_DAYS = 3650;

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    /**
     * How long closed loans and closed holds keep their patron, and settled fees (the district's money trail) after
     * their last payment or waiver; then the nightly run ({@link LoanPrivacy}) removes the patron.
     */
    public record PrivacyPolicyView(int keepClosedLoansDays, int keepClosedHoldsDays, int keepSettledFeesDays,
                                    Instant updatedAt, String updatedBy) {
    }

    @Transactional
    public PrivacyPolicyView current() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT keep_closed_loans_days, keep_closed_holds_days, "
                        + "keep_settled_fees_days, updated_at, updated_by FROM privacy_policy WHERE id = 1")
                .getSingleResult();
        return view(row);
    }

    /**
     * Sets the periods ({@code null} keeps a period as it is); what is already kept longer than a shortened period is
     * anonymized by the next nightly run.
     */
    @Transactional
    public PrivacyPolicyView change(int keepClosedLoansDays, Integer keepClosedHoldsDays, Integer keepSettledFeesDays) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        UPDATE privacy_policy SET keep_closed_loans_days = ?1,
                            keep_closed_holds_days = COALESCE(CAST(?3 AS int), keep_closed_holds_days),
                            keep_settled_fees_days = COALESCE(CAST(?4 AS int), keep_settled_fees_days),
                            updated_at = now(), updated_by = ?2
                        WHERE id = 1 RETURNING keep_closed_loans_days, keep_closed_holds_days, keep_settled_fees_days,
                            updated_at, updated_by""")
                .setParameter(1, keepClosedLoansDays).setParameter(2, scope.userName())
                .setParameter(3, keepClosedHoldsDays).setParameter(4, keepSettledFeesDays).getSingleResult();
        return view(row);
    }

    private static PrivacyPolicyView view(Object[] row) {
        return new PrivacyPolicyView(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), Columns.instant(row[3]), (String) row[4]);
    }
}
