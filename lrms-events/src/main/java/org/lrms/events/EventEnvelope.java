package org.lrms.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every LRMS event travels in. The Kafka record key is {@link #aggregateId()}, so one entity's
 * events stay in order. {@code payload} is the event record serialized as JSON; read it with {@link EventJson#payload}.
 *
 * @param eventId    unique per event; consumers dedupe on it
 * @param type       the event name in the past tense, e.g. {@code TitleCreated}
 * @param version    the payload's schema version; a breaking change is a new version
 * @param occurredAt when the state change committed at the source
 * @param source     the producing service, e.g. {@code catalog-service}
 * @param siteCode   the site the event belongs to, or null for district-wide data
 * @param aggregateId the id of the entity the event is about (the Kafka key)
 * @param payload    the event record as JSON
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String source,
                            String siteCode, String aggregateId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
