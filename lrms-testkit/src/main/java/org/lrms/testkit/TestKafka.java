package org.lrms.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Kafka for tests: send what another service would publish, and wait for what this service publishes (read from
 * the start of the topic with a group of its own, with Awaitility, never a sleep). Uses the test broker of the
 * running {@code @QuarkusTest} ({@code kafka.bootstrap.servers}).
 */
public final class TestKafka {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    /** Publishes an envelope as its producer would: keyed by its aggregate id. */
    public static void send(String topic, EventEnvelope envelope) {
        send(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    /** Publishes any value, e.g. a record that is not an event, to test dead-lettering. */
    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** The records of {@code topic} that match, once {@code done} holds for them. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic,
                                                                    Predicate<ConsumerRecord<String, String>> matches,
                                                                    Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (matches.test(r)) {
                        seen.add(r);
                    }
                }
                return done.test(seen);
            });
        }
        return seen;
    }

    /** The first record of {@code topic} that matches. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
                                                             Predicate<ConsumerRecord<String, String>> matches) {
        return awaitRecords(topic, matches, seen -> !seen.isEmpty()).get(0);
    }

    /** The events of {@code topic} keyed {@code key}, once {@code done} holds for them. */
    public static List<EventEnvelope> awaitEvents(String topic, String key, Predicate<List<EventEnvelope>> done) {
        return awaitRecords(topic, r -> key.equals(r.key()),
                records -> done.test(events(records))).stream().map(r -> EventJson.read(r.value())).toList();
    }

    /** The first event of {@code topic} keyed {@code key} that matches. */
    public static EventEnvelope awaitEvent(String topic, String key, Predicate<EventEnvelope> matching) {
        ConsumerRecord<String, String> first = awaitRecord(topic,
                r -> key.equals(r.key()) && matching.test(EventJson.read(r.value())));
        return EventJson.read(first.value());
    }

    private static List<EventEnvelope> events(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
