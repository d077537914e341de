package org.lrms.reporting.ingest;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The channels of the textbooks report's topics (the roster and {@code textbook.*.v1}), consumed exactly as the
 * others in {@link TopicConsumers}: batches, one transaction each, dead letters with their reason.
 */
@ApplicationScoped
public class TextbookTopicConsumers {

    @Inject
    TopicConsumers consumers;

    @Incoming("roster")
    @Blocking(ordered = true)
    public void roster(ConsumerRecords<String, String> records) {
        consumers.consume(records);
    }

    @Incoming("textbook-adoptions")
    @Blocking(ordered = true)
    public void adoptions(ConsumerRecords<String, String> records) {
        consumers.consume(records);
    }

    @Incoming("textbook-stock")
    @Blocking(ordered = true)
    public void stock(ConsumerRecords<String, String> records) {
        consumers.consume(records);
    }

    @Incoming("textbook-distributions")
    @Blocking(ordered = true)
    public void distributions(ConsumerRecords<String, String> records) {
        consumers.consume(records);
    }
}
