package org.lrms.reporting.circulation;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.lrms.reporting.ingest.SqlBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * District distinct borrowers as HyperLogLog sketches (Apache DataSketches) of the borrower tokens, one per month
 * ({@code M}) and one per day ({@code D}) in {@code borrower_sketch}. A batch adds its borrowers to sketches of its
 * own and, when it is flushed, merges each into the stored one in the batch's transaction: one statement reads the
 * stored sketches for update, each changed one is written back (a new one inserted). Adding a borrower twice changes nothing, so the sketches are as idempotent as the counts.
 * A report merges the sketches of its whole months and of the days of its cut months.
 */
public final class BorrowerSketches implements SqlBatch.Deferred {

    /** 2^14 registers: about 0.8 % relative standard error, 16 KB per sketch. */
    public static final int LG_K = 14;
    /** The relative standard error of an estimate (1.04 / sqrt(2^LG_K)), rounded up. */
    public static final double RELATIVE_STANDARD_ERROR = 0.0082;

    private record Key(String grain, LocalDate period) {
    }

    private final Map<Key, HllSketch> batch = new LinkedHashMap<>();

    /** Counts {@code borrower} on {@code day} (and in its month). */
    public void add(LocalDate day, String borrower) {
        sketch(new Key("M", day.withDayOfMonth(1))).update(borrower);
        sketch(new Key("D", day)).update(borrower);
    }

    private HllSketch sketch(Key key) {
        return batch.computeIfAbsent(key, k -> new HllSketch(LG_K, TgtHllType.HLL_8));
    }

    @Override
    public void write(Connection connection) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Map<Key, byte[]> stored = new HashMap<>();
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT s.grain, s.period, s.sketch FROM borrower_sketch s
                JOIN unnest(?::bpchar[], ?::date[]) k(grain, period) ON s.grain = k.grain AND s.period = k.period
                ORDER BY s.grain, s.period FOR UPDATE OF s""")) {
            read.setArray(1, connection.createArrayOf("text", batch.keySet().stream().map(Key::grain).toArray()));
            read.setArray(2, connection.createArrayOf("date", batch.keySet().stream()
                    .map(k -> java.sql.Date.valueOf(k.period())).toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    stored.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getBytes(3));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO borrower_sketch (grain, period, sketch) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE borrower_sketch SET sketch = ? WHERE grain = ? AND period = ?")) {
            for (Map.Entry<Key, HllSketch> e : batch.entrySet()) {
                Key key = e.getKey();
                byte[] mine = e.getValue().toCompactByteArray();
                byte[] before = stored.get(key);
                if (before == null) {
                    insert.setString(1, key.grain());
                    insert.setObject(2, key.period());
                    insert.setBytes(3, mine);
                    if (insert.executeUpdate() == 1) {
                        continue;
                    }
                    before = readForUpdate(connection, key); // another transaction made it meanwhile
                }
                byte[] merged = merge(List.of(before, mine));
                if (Arrays.equals(merged, before)) {
                    continue; // every borrower of the batch was in the sketch's registers already
                }
                update.setBytes(1, merged);
                update.setString(2, key.grain());
                update.setObject(3, key.period());
                update.executeUpdate();
            }
        }
    }

    private static byte[] readForUpdate(Connection connection, Key key) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT sketch FROM borrower_sketch WHERE grain = ? AND period = ? FOR UPDATE")) {
            read.setString(1, key.grain());
            read.setObject(2, key.period());
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    /** The union of serialized sketches, serialized. */
    public static byte[] merge(Collection<byte[]> sketches) {
        Union union = new Union(LG_K);
        sketches.forEach(s -> union.update(HllSketch.heapify(s)));
        return union.getResult(TgtHllType.HLL_8).toCompactByteArray();
    }

    /** The estimated number of distinct borrowers of the union of serialized sketches. */
    public static long estimate(Collection<byte[]> sketches) {
        Union union = new Union(LG_K);
        sketches.forEach(s -> union.update(HllSketch.heapify(s)));
        return Math.round(union.getEstimate());
    }
}
