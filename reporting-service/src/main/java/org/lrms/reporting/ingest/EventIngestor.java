package org.lrms.reporting.ingest;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.lrms.events.EventEnvelope;
import org.lrms.reporting.freshness.TopicFreshness;
import org.lrms.reporting.site.SiteDirectory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies events to their topic's projection, once each: dedupe (in the kit's {@code processed_event} table, as
 * {@code ProcessedEvents} does, but one statement per batch), projection and freshness in one transaction.
 */
@ApplicationScoped
public class EventIngestor {

    /** What became of an event. */
    public enum Outcome { APPLIED, SKIPPED, DUPLICATE }

    private final Map<String, Projection> byTopic;

    @Inject
    EntityManager em;

    @Inject
    SqlBatch sql;

    @Inject
    TopicFreshness freshness;

    @Inject
    SiteDirectory sites;

    @Inject
    public EventIngestor(@All List<Projection> projections) {
        this.byTopic = projections.stream().collect(Collectors.toMap(Projection::topic, Function.identity()));
    }

    public Set<String> topics() {
        return byTopic.keySet();
    }

    public List<Projection> projections() {
        return List.copyOf(byTopic.values());
    }

    /** The processed-events consumer name of a topic's projection. */
    public static String consumerName(String topic) {
        return "reporting:" + topic;
    }

    /** Applies one event in its own transaction. */
    @Transactional
    public Outcome ingest(String topic, EventEnvelope event) {
        return ingestAll(topic, List.of(event)).get(0);
    }

    /**
     * Applies a batch of one topic's events, in order, in one transaction: one statement dedupes the whole batch,
     * one updates the topic's freshness. Throws when any event cannot be applied; the caller then applies the
     * batch one event at a time to find it.
     */
    @Transactional
    public List<Outcome> ingestAll(String topic, List<EventEnvelope> events) {
        Projection projection = byTopic.get(topic);
        if (projection == null) {
            throw new IllegalArgumentException("no projection reads topic " + topic);
        }
        sql.begin();
        try {
            return apply(topic, projection, events);
        } finally {
            sql.discard();
        }
    }

    private List<Outcome> apply(String topic, Projection projection, List<EventEnvelope> events) {
        Set<UUID> firstTime = firstTimes(consumerName(topic), events);
        List<Outcome> outcomes = new ArrayList<>(events.size());
        Set<String> siteCodes = new LinkedHashSet<>();
        Instant newest = null;
        long applied = 0;
        long skipped = 0;
        for (EventEnvelope event : events) {
            // remove: the same event twice in one batch is applied once
            if (!firstTime.remove(event.eventId())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            if (projection.apply(event)) {
                applied++;
                outcomes.add(Outcome.APPLIED);
                if (event.siteCode() != null) {
                    siteCodes.add(event.siteCode());
                }
            } else {
                skipped++;
                outcomes.add(Outcome.SKIPPED);
            }
            newest = newest == null || event.occurredAt().isAfter(newest) ? event.occurredAt() : newest;
        }
        sql.flush();
        sites.note(siteCodes);
        if (newest != null) {
            freshness.record(topic, newest, applied, skipped);
        }
        return outcomes;
    }

    /** Records the batch's event ids as processed by {@code consumer}; answers those not processed before. */
    private Set<UUID> firstTimes(String consumer, List<EventEnvelope> events) {
        UUID[] ids = events.stream().map(EventEnvelope::eventId).toArray(UUID[]::new);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[])
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                Set<UUID> inserted = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
                return inserted;
            }
        });
    }
}
