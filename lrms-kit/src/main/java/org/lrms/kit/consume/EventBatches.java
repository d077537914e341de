package org.lrms.kit.consume;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.lrms.events.EventEnvelope;

/**
 * Applies the records of one poll in one transaction, in the order Kafka gave them (so per key): under load a
 * consumer commits once per batch instead of once per event. Unreadable records go to {@code <topic>.dlt} first; when
 * the batch's transaction fails, its records are applied one at a time, each in a transaction of its own and retried a
 * few times, so that only the records at fault go to the dead-letter topic ({@link RecordBatches}).
 * <p>
 * The handler runs inside the transaction: it records the event with {@link ProcessedEvents} as a one-event consumer
 * does, and a repeated event changes nothing.
 */
@ApplicationScoped
public class EventBatches {

    /** Applies one event; runs inside the batch's (or the retry's) transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(EventEnvelope event);
    }

    @Inject
    DeadLetters deadLetters;

    public void apply(ConsumerRecords<String, String> records, Handler handler) {
        RecordBatches.apply(records,
                events -> QuarkusTransaction.requiringNew().run(() -> events.forEach(handler::apply)),
                event -> QuarkusTransaction.requiringNew().run(() -> handler.apply(event)),
                deadLetters::send);
    }
}
