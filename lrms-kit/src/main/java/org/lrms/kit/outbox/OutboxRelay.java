package org.lrms.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed outbox rows to Kafka, oldest first, and deletes them once Kafka acknowledged them.
 * <p>
 * At-least-once: a crash between acknowledgement and delete resends a batch, and consumers dedupe on the event id.
 * In order per key: one relay works at a time per database (a transaction-scoped advisory lock), rows go in id order
 * and the producer is idempotent. A Kafka outage only delays the rows: the relay backs off and tries again, while
 * the desks keep writing to the outbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every relay of one database: only one of them sends at a time. */
    private static final long RELAY_LOCK = 0x4C524D534F5554L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "lrms.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "lrms.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "lrms.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "lrms.outbox.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    /**
     * How long the relay, woken by a commit, lets further commits gather before it reads the outbox: at a busy desk
     * one relay transaction and one produce request carry the events of many transactions instead of one or two
     * (each costs a database transaction of four statements and a broker request). An event waits at most this
     * much longer. A full batch is followed at once by the next.
     */
    @ConfigProperty(name = "lrms.outbox.gather", defaultValue = "PT0.02S")
    Duration gather;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaProducer<String, String> producer;
    private Thread worker;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("outbox relay disabled");
            return;
        }
        published = registry.counter("lrms.outbox.published");
        failures = registry.counter("lrms.outbox.failures");
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running.set(true);
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        wakeups.release();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look at the outbox now (called after a transaction that wrote events commits). */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        while (running.get()) {
            try {
                int sent = relayBatch();
                backoff = Duration.ofMillis(200);
                if (sent < batchSize) {
                    if (wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS) && !gather.isZero()) {
                        Thread.sleep(gather.toMillis());
                    }
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                LOG.warnf("outbox relay could not send (%s); retrying in %d ms", e.getClass().getSimpleName(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch; answers how many events were sent. */
    private int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                if (sent > 0) {
                    published.increment(sent);
                }
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int relayBatch(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, event_key, envelope FROM outbox_event ORDER BY id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4))));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(15, TimeUnit.SECONDS);
        }
        delete(connection, ids);
        return ids.size();
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }
}
