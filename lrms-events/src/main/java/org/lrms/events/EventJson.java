package org.lrms.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/** Reads and writes envelopes and payloads the same way in every service. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps a payload record into a new envelope with a fresh event id, at the current instant. */
    public static EventEnvelope envelope(String source, String siteCode, String aggregateId, Object payload) {
        EventType meta = payload.getClass().getAnnotation(EventType.class);
        String type = meta != null ? meta.name() : payload.getClass().getSimpleName();
        int version = meta != null ? meta.version() : 1;
        return new EventEnvelope(UUID.randomUUID(), type, version, Instant.now(), source, siteCode, aggregateId,
                MAPPER.valueToTree(payload));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be written: " + envelope.type(), e);
        }
    }

    /** Reads an envelope; a record that is not one fails with {@link UnreadableEventException}. */
    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableEventException("empty event");
        }
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (Exception e) {
            throw new UnreadableEventException("not an LRMS event envelope: " + rootMessage(e));
        }
    }

    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (Exception e) {
            throw new UnreadableEventException(
                    "payload of " + envelope.type() + " is not a " + type.getSimpleName() + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null) {
            return t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
