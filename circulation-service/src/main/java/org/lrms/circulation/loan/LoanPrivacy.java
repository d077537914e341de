package org.lrms.circulation.loan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.kit.outbox.Outbox;

import java.util.List;
import java.util.UUID;

/**
 * The privacy rule: a closed loan keeps no patron once the patron owes nothing (at check-in, or when the last fee is
 * paid, waived or cancelled): neither the patron id nor the pseudonymous key (this service could recompute the key of
 * every patron), and the loan's notices forget it. Each loan that loses its link is announced ({@code LoanAnonymized}) in the same
 * transaction, so reporting drops its patron-level rows of that loan.
 */
@ApplicationScoped
public class LoanPrivacy {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public int anonymizeClosedLoans(UUID patronId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH closed AS (SELECT id, site_code, patron_key FROM loan
                                        WHERE patron_id = ?1 AND returned_at IS NOT NULL FOR UPDATE),
                             forgotten AS (UPDATE notice n SET loan_id = NULL FROM closed WHERE n.loan_id = closed.id)
                        UPDATE loan l SET patron_id = NULL, patron_key = NULL FROM closed WHERE l.id = closed.id
                        RETURNING closed.id, closed.site_code, closed.patron_key
                        """)
                .setParameter(1, patronId).getResultList();
        for (Object[] row : rows) {
            UUID loanId = (UUID) row[0];
            outbox.publish(Topics.CIRCULATION_LOANS, (String) row[1], loanId.toString(),
                    new LoanAnonymized(loanId, (String) row[1], (String) row[2]));
        }
        return rows.size();
    }
}
