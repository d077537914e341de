package org.lrms.kit.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
        int inserted = em.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
