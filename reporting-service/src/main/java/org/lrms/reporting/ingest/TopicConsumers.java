package org.lrms.reporting.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.kit.consume.DeadLetters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Kafka consumers: one channel per topic, polled in batches, applied in order, one transaction per batch. A
 * record that cannot be read or applied goes to {@code <topic>.dlt} with the reason, and the rest of the batch
 * goes on.
 */
@ApplicationScoped
public class TopicConsumers {

    @Inject
    BatchIngestion ingestion;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerLag lag;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    MeterRegistry metrics;

    @Incoming("titles")
    @Blocking(ordered = true)
    public void titles(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("copies")
    @Blocking(ordered = true)
    public void copies(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("loans")
    @Blocking(ordered = true)
    public void loans(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("holds")
    @Blocking(ordered = true)
    public void holds(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("fees")
    @Blocking(ordered = true)
    public void fees(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("patrons")
    @Blocking(ordered = true)
    public void patrons(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("sites")
    @Blocking(ordered = true)
    public void sites(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("receipts")
    @Blocking(ordered = true)
    public void receipts(ConsumerRecords<String, String> records) {
        consume(records);
    }

    @Incoming("inventories")
    @Blocking(ordered = true)
    public void inventories(ConsumerRecords<String, String> records) {
        consume(records);
    }

    /**
     * A poll's records in one transaction, partition by partition (each in Kafka's order): a poll of 500 records over
     * three partitions is one commit, not three.
     */
    void consume(ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            batch.addAll(records.records(partition));
        }
        String topic = batch.get(0).topic();
        BatchIngestion.Result result = rebuild.whileLive(() -> ingestion.apply(topic, batch, this::deadLetter));
        result.outcomes().forEach((outcome, n) -> metrics.counter("lrms_reporting_events", "topic", topic,
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment(n));
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> of = records.records(partition);
            lag.consumed(topic, partition.partition(), of.get(of.size() - 1).offset());
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException reason) {
        deadLetters.send(record, reason);
        metrics.counter("lrms_reporting_events", "topic", record.topic(), "outcome", "dead_lettered").increment();
    }
}
