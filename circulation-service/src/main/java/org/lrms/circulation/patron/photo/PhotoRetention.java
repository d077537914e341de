package org.lrms.circulation.patron.photo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.lrms.kit.jdbc.Statements;

/**
 * A child's picture is kept only while the patron is active: the nightly privacy run (with the closed loans'
 * anonymization, {@code circulation.privacy.anonymize-cron}) removes the pictures of graduated and inactive patrons.
 * A patron made active again gets a picture again from the next photo import or by hand.
 */
@ApplicationScoped
public class PhotoRetention {

    private static final Logger LOG = Logger.getLogger(PhotoRetention.class);

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(cron = "{circulation.privacy.anonymize-cron}", identity = "photo-retention")
    void nightly() {
        int removed = removeOfPatronsNoLongerActive();
        if (removed > 0) {
            LOG.infof("removed the pictures of %d patrons no longer active", removed);
        }
    }

    /** Removes the pictures of patrons who are not active; answers how many. */
    public int removeOfPatronsNoLongerActive() {
        return Statements.update(dataSource, "pictures of patrons no longer active", "DELETE FROM patron_photo ph "
                + "USING patron p WHERE p.id = ph.patron_id AND p.status <> 'ACTIVE'");
    }
}
