package org.lrms.kit.consume;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a service's processed event ids ({@code processed_event}, every consumer of the service) for a retention
 * window only: a scheduled job deletes older ids, a chunk per transaction so that ingestion never
 * waits long. An id only has to outlive the time Kafka may deliver its record again (a consumer that dies before it
 * commits its offsets: seconds to minutes), so the window (30 days by default) leaves a wide margin. A replay from
 * the start changes nothing either: reporting's rebuild empties its projections and ids first, and the catalog and
 * circulation replicas ignore an event older than what they hold.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    /** Ids deleted per transaction. */
    public static final int CHUNK = 10_000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "lrms.processed-events.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(cron = "${lrms.processed-events.prune-cron:0 40 2 * * ?}", identity = "processed-event-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune(Instant.now());
    }

    /** Deletes the ids processed before {@code now} minus the retention window; answers how many. */
    public long prune(Instant now) {
        Timestamp before = Timestamp.from(now.minus(retention));
        long deleted = 0;
        int chunk;
        do {
            chunk = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            DELETE FROM processed_event WHERE ctid IN (
                                SELECT ctid FROM processed_event
                                WHERE processed_at < :before LIMIT :chunk)
                            """)
                    .setParameter("before", before).setParameter("chunk", CHUNK).executeUpdate());
            deleted += chunk;
        } while (chunk == CHUNK);
        if (deleted > 0) {
            LOG.infof("pruned %d processed event ids older than %s", deleted, retention);
        }
        return deleted;
    }
}
