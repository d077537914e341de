package org.lrms.kit.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How a poll of records is applied, whatever applies it: unreadable records are set aside first; the others go in one
 * call ({@code applyAll}, one transaction); when that fails, each goes alone ({@code applyOne}, a transaction of its
 * own), tried {@value #ATTEMPTS} times unless it is unreadable, so that only the records at fault are set aside.
 * Both functions run their own transaction: what they did counts only when they return.
 */
public final class RecordBatches {

    private static final Logger LOG = Logger.getLogger(RecordBatches.class);
    static final int ATTEMPTS = 3;

    /** Answers how many records were set aside. */
    public static int apply(Iterable<ConsumerRecord<String, String>> records, Consumer<List<EventEnvelope>> applyAll,
                            Consumer<EventEnvelope> applyOne,
                            BiConsumer<ConsumerRecord<String, String>, RuntimeException> setAside) {
        List<EventEnvelope> events = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        int failed = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventJson.read(record.value()));
                sources.add(record);
            } catch (UnreadableEventException e) {
                failed++;
                setAside.accept(record, e);
            }
        }
        if (events.isEmpty()) {
            return failed;
        }
        try {
            applyAll.accept(events);
            return failed;
        } catch (RuntimeException batchFailure) {
            LOG.debugf("a batch of %d events failed, applying it one by one (%s)", events.size(),
                    batchFailure.getClass().getSimpleName());
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                applyWithRetries(events.get(i), applyOne);
            } catch (RuntimeException e) {
                failed++;
                setAside.accept(sources.get(i), e);
            }
        }
        return failed;
    }

    private static void applyWithRetries(EventEnvelope event, Consumer<EventEnvelope> applyOne) {
        for (int attempt = 1; ; attempt++) {
            try {
                applyOne.accept(event);
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

    private RecordBatches() {
    }
}
