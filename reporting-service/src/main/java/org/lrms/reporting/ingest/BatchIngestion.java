package org.lrms.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Applies a batch of one topic's records: unreadable records are set aside first, the rest go in one transaction;
 * when that fails, the batch is applied one record at a time so that only the records at fault are set aside (a
 * failure other than an unreadable event is retried a few times first).
 */
@ApplicationScoped
public class BatchIngestion {

    private static final Logger LOG = Logger.getLogger(BatchIngestion.class);
    private static final int ATTEMPTS = 3;

    @Inject
    EventIngestor ingestor;

    /** What became of a batch: outcomes counted, and the records set aside. */
    public record Result(Map<EventIngestor.Outcome, Long> outcomes, int failed) {
    }

    public Result apply(String topic, List<ConsumerRecord<String, String>> records,
                        BiConsumer<ConsumerRecord<String, String>, RuntimeException> onFailure) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        List<ConsumerRecord<String, String>> sources = new ArrayList<>(records.size());
        int failed = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventJson.read(record.value()));
                sources.add(record);
            } catch (UnreadableEventException e) {
                failed++;
                onFailure.accept(record, e);
            }
        }
        Map<EventIngestor.Outcome, Long> counted = new EnumMap<>(EventIngestor.Outcome.class);
        if (events.isEmpty()) {
            return new Result(counted, failed);
        }
        try {
            ingestor.ingestAll(topic, events).forEach(o -> counted.merge(o, 1L, Long::sum));
            return new Result(counted, failed);
        } catch (RuntimeException batchFailure) {
            LOG.debugf("a batch of %d on %s failed, applying it one by one: %s", events.size(), topic,
                    batchFailure.getMessage());
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                counted.merge(ingestOne(topic, events.get(i)), 1L, Long::sum);
            } catch (RuntimeException e) {
                failed++;
                onFailure.accept(sources.get(i), e);
            }
        }
        return new Result(counted, failed);
    }

    private EventIngestor.Outcome ingestOne(String topic, EventEnvelope event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ingestor.ingest(topic, event);
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("attempt %d on %s failed, retrying: %s", attempt, topic, e.getMessage());
            }
        }
    }
}
