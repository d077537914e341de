package org.lrms.reporting;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.testkit.TestKafka;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;


/** Sends events to the test broker as the source services would, and reads dead-letter topics. */
public final class TestEvents {

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
        TestKafka.send(topic, key, value);
    }

    /** Waits for a record on {@code topic} that matches, reading from the start. */
    public static ConsumerRecord<String, String> awaitRecord(String topic,
                                                             Predicate<ConsumerRecord<String, String>> matches) {
        return TestKafka.awaitRecord(topic, matches);
    }
}
