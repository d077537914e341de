package org.lrms.kit.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Idempotent consumption: a consumer records each event id it applies in the same transaction as its change, and
 * skips an event it has already applied. Redelivery (at-least-once) then changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Marks the event as applied by {@code consumer}; answers false when it was already applied, and the caller
     * must then do nothing. Must run inside the transaction that applies the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        // the statement reads and writes processed_event only, which no entity maps: no flush before it. Hibernate
        // flushes (dirty-checks) the whole session before every native statement otherwise, and a consumer applying a
        // poll's events in one transaction did it for every entity loaded so far, once per event (a third of the
        // catalog's time under a desk storm)
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
