package org.lrms.reporting.ingest;

import org.lrms.events.EventEnvelope;
import org.lrms.events.UnreadableEventException;

import java.util.List;

/**
 * One topic's projection: applies that topic's events to the reporting tables it owns. Implementations are
 * {@code @ApplicationScoped} beans; {@link EventIngestor} calls them inside the ingestion transaction.
 */
public interface Projection {

    /** The topic whose events this projection applies. */
    String topic();

    /** The tables this projection fills; a rebuild empties them before replaying the topic. */
    List<String> tables();

    /**
     * Applies one event. Answers false when the event's type is not one this projection reads (it is skipped and
     * counted); throws {@link org.lrms.events.UnreadableEventException} when the event cannot be applied.
     */
    boolean apply(EventEnvelope event);

    /** Refuses an event that lacks what the projection needs: it goes to the dead-letter topic with this reason. */
    static <T> T require(T value, EventEnvelope event, String what) {
        if (value == null) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has no " + what);
        }
        return value;
    }
}
