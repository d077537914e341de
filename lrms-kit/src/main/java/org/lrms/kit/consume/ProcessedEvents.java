package org.lrms.kit.consume;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.kit.jdbc.Statements;

import java.util.UUID;

/**
 * Idempotent consumption: a consumer records each event id it applies in the same transaction as its change, and
 * skips an event it has already applied. Redelivery (at-least-once) then changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String INSERT =
            "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Marks the event as applied by {@code consumer}; answers false when it was already applied, and the caller
     * must then do nothing. Must run inside the transaction that applies the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, UUID eventId) {
        // plain JDBC on the transaction's own connection (the datasource hands out the one enlisted in it): the
        // statement touches processed_event only, which no entity maps. Through Hibernate's native query it cost as
        // much again as the statement itself, once per event (a sixth of the catalog's CPU under a desk storm), and,
        // before its flush mode was set, a dirty check of every entity of the poll's transaction
        return Statements.update(dataSource, "event " + eventId + " as applied by " + consumer, INSERT, consumer,
                eventId) == 1;
    }
}
