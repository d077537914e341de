package org.lrms.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements projections write while a batch of events is applied, sent when the batch ends, in the batch's
 * transaction: in order, consecutive statements of the same SQL in one JDBC batch (one round trip); then the counts
 * ({@link #count}: the batch's keys added up here, one statement writes each distinct key once); then the deferred
 * work ({@link #deferred}). This is what lets ingestion keep up with thousands of events a second.
 * Statements use {@code ?1, ?2...} placeholders.
 * The batch is the applying thread's: {@link EventIngestor} begins and flushes it around each batch.
 */
@ApplicationScoped
public class SqlBatch {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");
    private static final ThreadLocal<List<Pending>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    private static final ThreadLocal<Map<Jdbc, Map<Key, Long>>> COUNTS =
            ThreadLocal.withInitial(LinkedHashMap::new);
    private static final ThreadLocal<Map<Class<?>, Deferred>> DEFERRED = ThreadLocal.withInitial(LinkedHashMap::new);
    private static final Map<String, Jdbc> JDBC = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;

    /** A statement in JDBC form: plain {@code ?}s and, for each, the number of the parameter it takes. */
    record Jdbc(String sql, int[] parameters) {
    }

    private record Pending(Jdbc jdbc, Object[] values) {
    }

    /** Queues a statement; {@code values[0]} is {@code ?1}. */
    public void add(String sql, Object... values) {
        PENDING.get().add(new Pending(JDBC.computeIfAbsent(sql, SqlBatch::jdbc), values));
    }

    /**
     * Counts one more of {@code key} for a statement sent once per batch: parameters {@code ?1..?n} are the arrays of
     * the batch's distinct keys' columns, {@code ?n+1} the array of their counts, e.g. {@code INSERT ... SELECT * FROM unnest(?1::date[], ?2::text[],
     * ?3::bigint[]) ON CONFLICT ... DO UPDATE SET n = t.n + EXCLUDED.n}. Each key is written once, whatever the number
     * of events that counted it (the database neither expands nor groups the batch's events).
     */
    public void count(String sql, Object... key) {
        COUNTS.get().computeIfAbsent(JDBC.computeIfAbsent(sql, SqlBatch::jdbc), k -> new HashMap<>())
                .merge(new Key(key), 1L, Long::sum);
    }

    /** A counted key: its columns' values (hashed once; cheaper than a list's hash and equals). */
    static final class Key {
        final Object[] values;
        private final int hash;

        Key(Object[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && hash == other.hash && Arrays.equals(values, other.values);
        }
    }

    /** Work that reads and writes with the batch's connection when the batch is flushed, after its statements. */
    public interface Deferred {
        void write(Connection connection) throws SQLException;
    }

    /** The batch's one {@code type} of deferred work, created on first use; it is written when the batch is flushed. */
    public <T extends Deferred> T deferred(Class<T> type, Supplier<T> create) {
        return type.cast(DEFERRED.get().computeIfAbsent(type, k -> create.get()));
    }

    void begin() {
        discard();
    }

    /** Sends the queued statements; must run in the batch's transaction. */
    void flush() {
        List<Pending> pending = PENDING.get();
        Map<Jdbc, Map<Key, Long>> counts = new LinkedHashMap<>(COUNTS.get());
        COUNTS.get().clear();
        List<Deferred> deferred = new ArrayList<>(DEFERRED.get().values());
        DEFERRED.get().clear();
        if (pending.isEmpty() && counts.isEmpty() && deferred.isEmpty()) {
            return;
        }
        try {
            em.unwrap(Session.class).doWork(connection -> {
                int i = 0;
                while (i < pending.size()) {
                    Jdbc jdbc = pending.get(i).jdbc();
                    try (PreparedStatement statement = connection.prepareStatement(jdbc.sql())) {
                        while (i < pending.size() && pending.get(i).jdbc() == jdbc) {
                            bind(statement, jdbc, pending.get(i).values());
                            statement.addBatch();
                            i++;
                        }
                        statement.executeBatch();
                    }
                }
                for (Map.Entry<Jdbc, Map<Key, Long>> set : counts.entrySet()) {
                    try (PreparedStatement statement = connection.prepareStatement(set.getKey().sql())) {
                        bindColumns(connection, statement, set.getKey(), counted(set.getValue()));
                        statement.execute();
                    }
                }
                for (Deferred work : deferred) {
                    work.write(connection);
                }
            });
        } finally {
            pending.clear();
        }
    }

    void discard() {
        PENDING.get().clear();
        COUNTS.get().clear();
        DEFERRED.get().clear();
    }

    /**
     * The rows of counted keys: each key's columns, then its count. In no particular order: no two batches write the
     * same rows at once (a topic has one consumer; the loans and holds topics count different kinds), and sorting them
     * cost more than a tenth of ingestion's CPU.
     */
    static List<Object[]> counted(Map<Key, Long> counts) {
        List<Object[]> rows = new ArrayList<>(counts.size());
        for (Map.Entry<Key, Long> e : counts.entrySet()) {
            Object[] row = Arrays.copyOf(e.getKey().values, e.getKey().values.length + 1);
            row[row.length - 1] = e.getValue();
            rows.add(row);
        }
        return rows;
    }

    private static void bindColumns(Connection connection, PreparedStatement statement, Jdbc jdbc, List<Object[]> rows)
            throws SQLException {
        for (int p = 0; p < jdbc.parameters().length; p++) {
            int column = jdbc.parameters()[p] - 1;
            Object[] values = new Object[rows.size()];
            String type = "text";
            for (int r = 0; r < values.length; r++) {
                Object value = rows.get(r)[column];
                if (value instanceof LocalDate day) {
                    value = java.sql.Date.valueOf(day);
                    type = "date";
                } else if (value instanceof Instant instant) {
                    value = Timestamp.from(instant);
                    type = "timestamptz";
                } else if (value instanceof UUID) {
                    type = "uuid";
                } else if (value instanceof Long || value instanceof Integer) {
                    value = ((Number) value).longValue();
                    type = "bigint";
                }
                values[r] = value;
            }
            statement.setArray(p + 1, connection.createArrayOf(type, values));
        }
    }

    private static void bind(PreparedStatement statement, Jdbc jdbc, Object[] values) throws SQLException {
        for (int p = 0; p < jdbc.parameters().length; p++) {
            Object value = values[jdbc.parameters()[p] - 1];
            if (value instanceof Instant instant) {
                statement.setTimestamp(p + 1, Timestamp.from(instant));
            } else {
                statement.setObject(p + 1, value);
            }
        }
    }

    static Jdbc jdbc(String sql) {
        Matcher m = PLACEHOLDER.matcher(sql);
        List<Integer> parameters = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            parameters.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Jdbc(out.toString(), parameters.stream().mapToInt(Integer::intValue).toArray());
    }
}
