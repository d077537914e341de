package org.lrms.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.time.Instant;

/**
 * Publishes events through the transactional outbox: the event row joins the caller's transaction, so the state
 * change and its event commit together or not at all. The {@link OutboxRelay} sends committed rows to Kafka.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    /** Wraps {@code payload} in an envelope from this service and writes it to the outbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String siteCode, String aggregateId, Object payload) {
        EventEnvelope envelope = EventJson.envelope(source, siteCode, aggregateId, payload);
        publish(topic, envelope);
        return envelope;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.eventKey = envelope.aggregateId();
        row.eventType = envelope.type();
        row.envelope = EventJson.write(envelope);
        row.createdAt = Instant.now();
        em.persist(row);
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
