package org.lrms.reporting;

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
import org.lrms.events.Topics;
import org.lrms.events.circulation.SiteUpserted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Sends events to the test broker as the source services would, and reads dead-letter topics. */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** A fresh site code, so that each test counts only its own events. */
    public static String newSite() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
    }

    /** Announces a site as circulation does, so that reports know it. */
    public static void site(String siteCode) {
        send(Topics.CIRCULATION_SITES, siteCode, siteCode,
                new SiteUpserted(siteCode, "Test school " + siteCode, "HIGH", null, true));
    }

    public static EventEnvelope send(String topic, String siteCode, Object aggregateId, Object payload) {
        EventEnvelope envelope = EventJson.envelope("test", siteCode, String.valueOf(aggregateId), payload);
        send(topic, envelope);
        return envelope;
    }

    /** The envelope as if the event happened at {@code occurredAt}. */
    public static EventEnvelope sendAt(String topic, String siteCode, Object aggregateId, Object payload,
                                       Instant occurredAt) {
        EventEnvelope e = EventJson.envelope("test", siteCode, String.valueOf(aggregateId), payload);
        EventEnvelope at = new EventEnvelope(e.eventId(), e.type(), e.version(), occurredAt, e.source(),
                e.siteCode(), e.aggregateId(), e.payload());
        send(topic, at);
        return at;
    }

    public static void send(String topic, EventEnvelope envelope) {
        sendRaw(topic, envelope.aggregateId(), EventJson.write(envelope));
    }

    public static void sendRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a record on {@code topic} that matches, reading from the start. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
                                                             Predicate<ConsumerRecord<String, String>> matches) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (matches.test(r)) {
                        found.add(r);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
