package org.lrms.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lrms.kit.consume.RecordBatches;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Applies a batch of one topic's records as the kit's {@link RecordBatches} does (unreadable records set aside first,
 * the rest in one transaction, one at a time with retries when that fails), counting what became of each event.
 */
@ApplicationScoped
public class BatchIngestion {

    @Inject
    EventIngestor ingestor;

    /** What became of a batch: outcomes counted, and the records set aside. */
    public record Result(Map<EventIngestor.Outcome, Long> outcomes, int failed) {
    }

    public Result apply(String topic, List<ConsumerRecord<String, String>> records,
                        BiConsumer<ConsumerRecord<String, String>, RuntimeException> onFailure) {
        Map<EventIngestor.Outcome, Long> counted = new EnumMap<>(EventIngestor.Outcome.class);
        int failed = RecordBatches.apply(records,
                events -> ingestor.ingestAll(topic, events).forEach(o -> counted.merge(o, 1L, Long::sum)),
                event -> counted.merge(ingestor.ingest(topic, event), 1L, Long::sum),
                onFailure);
        return new Result(counted, failed);
    }
}
