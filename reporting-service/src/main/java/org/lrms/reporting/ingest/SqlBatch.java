package org.lrms.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements projections write while a batch of events is applied, sent when the batch ends, in the batch's
 * transaction: in order, consecutive statements of the same SQL in one JDBC batch (one round trip). This is what
 * lets ingestion keep up with thousands of events a second. Statements use {@code ?1, ?2...} placeholders.
 * The batch is the applying thread's: {@link EventIngestor} begins and flushes it around each batch.
 */
@ApplicationScoped
public class SqlBatch {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");
    private static final ThreadLocal<List<Pending>> PENDING = ThreadLocal.withInitial(ArrayList::new);
    private static final ThreadLocal<Map<Jdbc, Map<List<Object>, long[]>>> COUNTS =
            ThreadLocal.withInitial(LinkedHashMap::new);
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
     * Adds one to a counter row: within a batch, the same {@code key} is counted in memory and written once, its
     * total as the statement's last parameter (e.g. {@code ... ON CONFLICT ... SET events = t.events +
     * EXCLUDED.events}). The counter's table must take no other statement in the batch.
     */
    public void count(String sql, Object... key) {
        COUNTS.get().computeIfAbsent(JDBC.computeIfAbsent(sql, SqlBatch::jdbc), k -> new LinkedHashMap<>())
                .computeIfAbsent(Arrays.asList(key), k -> new long[1])[0]++;
    }

    void begin() {
        discard();
    }

    /** Sends the queued statements; must run in the batch's transaction. */
    void flush() {
        List<Pending> pending = PENDING.get();
        COUNTS.get().forEach((jdbc, rows) -> rows.forEach((key, n) -> {
            Object[] values = key.toArray(new Object[key.size() + 1]);
            values[key.size()] = n[0];
            pending.add(new Pending(jdbc, values));
        }));
        COUNTS.get().clear();
        if (pending.isEmpty()) {
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
            });
        } finally {
            pending.clear();
        }
    }

    void discard() {
        PENDING.get().clear();
        COUNTS.get().clear();
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
