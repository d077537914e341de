package org.lrms.circulation.loan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an answered {@code Idempotency-Key} is kept: its row holds the whole answer (patron, copy barcode,
 * title), and patron records are confidential (California Gov. Code 7927.105, FERPA), so it goes once a retry is
 * no longer a retry. After the period a request with the same key is a new request (as the IETF
 * Idempotency-Key draft has it: a key expires), whether or not the job has deleted the row yet
 * ({@link IdempotentRequests#claim}).
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    /** Rows deleted per transaction. */
    static final int CHUNK = 1000;

    @ConfigMapping(prefix = "circulation.idempotency")
    public interface Config {
        /** How long an answer is replayed for a retry and kept ({@code 24h} by default). */
        @WithDefault("24h")
        Duration retention();

        /** When the deletion of older answers runs ({@code off} to disable): hourly by default. */
        @WithDefault("0 40 * * * ?")
        String purgeCron();
    }

    @Inject
    EntityManager em;

    @Inject
    Config config;

    /** The oldest answer still replayed as of {@code now}. */
    Instant cutOff(Instant now) {
        return now.minus(config.retention());
    }

    @Scheduled(cron = "{circulation.idempotency.purge-cron}", identity = "idempotent-request-retention")
    void hourly() {
        int deleted = purge(Instant.now());
        if (deleted > 0) {
            LOG.infof("deleted %d idempotent answers older than %s", deleted, config.retention());
        }
    }

    /**
     * Deletes the answers older than the retention as of {@code now}, a chunk per transaction (a key a desk holds
     * locked is left for the next run); answers how many went.
     */
    public int purge(Instant now) {
        Instant cutOff = cutOff(now);
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "DELETE FROM idempotent_request WHERE request_key IN (SELECT request_key "
                                    + "FROM idempotent_request WHERE created_at < ?1 LIMIT ?2 FOR UPDATE SKIP LOCKED)")
                    .setParameter(1, cutOff).setParameter(2, CHUNK).executeUpdate());
            total += done;
            if (done < CHUNK) {
                return total;
            }
        }
    }
}
