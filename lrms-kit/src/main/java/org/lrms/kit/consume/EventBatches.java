package org.lrms.kit.consume;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the records of one poll in one transaction, in the order Kafka gave them (so per key): under load a
 * consumer commits once per batch instead of once per event. Unreadable records go to {@code <topic>.dlt} first; when
 * the batch's transaction fails, its records are applied one at a time, each in a transaction of its own and retried a
 * few times, so that only the records at fault go to the dead-letter topic.
 * <p>
 * The handler runs inside the transaction: it records the event with {@link ProcessedEvents} as a one-event consumer
 * does, and a repeated event changes nothing.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);
    private static final int ATTEMPTS = 3;

    /** Applies one event; runs inside the batch's (or the retry's) transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(EventEnvelope event);
    }

    @Inject
    DeadLetters deadLetters;

    public void apply(ConsumerRecords<String, String> records, Handler handler) {
        List<EventEnvelope> events = new ArrayList<>(records.count());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventJson.read(record.value()));
                sources.add(record);
            } catch (UnreadableEventException e) {
                deadLetters.send(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> events.forEach(handler::apply));
            return;
        } catch (RuntimeException batchFailure) {
            LOG.debugf("a batch of %d events failed, applying it one by one (%s)", events.size(),
                    batchFailure.getClass().getSimpleName());
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                applyOne(events.get(i), handler);
            } catch (RuntimeException e) {
                deadLetters.send(sources.get(i), e);
            }
        }
    }

    private static void applyOne(EventEnvelope event, Handler handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handler.apply(event));
                return;
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("attempt %d of event %s failed, retrying (%s)", attempt, event.eventId(),
                        e.getClass().getSimpleName());
            }
        }
    }
}
