package org.lrms.kit.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes events through the transactional outbox: the event rows join the caller's transaction, so the state
 * change and its events commit together or not at all. The {@link OutboxRelay} sends committed rows to Kafka.
 * <p>
 * A transaction's events are kept in order and written in one JDBC batch just before it commits, still under the
 * transaction's row locks, so the outbox ids (a sequence) keep each aggregate's events in the order they happened.
 * A transaction that publishes hundreds of events (an import's batch) costs one round trip, not hundreds.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, event_key, event_type, "
            + "envelope, created_at) VALUES (?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    private record Row(String topic, EventEnvelope envelope, String json) {
    }

    /** Wraps {@code payload} in an envelope from this service and writes it to the outbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String siteCode, String aggregateId, Object payload) {
        EventEnvelope envelope = EventJson.envelope(source, siteCode, aggregateId, payload);
        publish(topic, envelope);
        return envelope;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        pending().add(new Row(topic, envelope, EventJson.write(envelope)));
    }

    /** This transaction's events not written yet; the first one registers the write before commit. */
    @SuppressWarnings("unchecked")
    private List<Row> pending() {
        List<Row> rows = (List<Row>) transactions.getResource(Outbox.class);
        if (rows != null) {
            return rows;
        }
        List<Row> created = new ArrayList<>();
        transactions.putResource(Outbox.class, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                write(created);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return created;
    }

    /** The connection is the transaction's own (the pool enlists it), so the rows commit with the change. */
    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Row row : rows) {
                insert.setObject(1, row.envelope().eventId());
                insert.setString(2, row.topic());
                insert.setString(3, row.envelope().aggregateId());
                insert.setString(4, row.envelope().type());
                insert.setString(5, row.json());
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the outbox could not be written; the transaction rolls back", e);
        }
    }
}
