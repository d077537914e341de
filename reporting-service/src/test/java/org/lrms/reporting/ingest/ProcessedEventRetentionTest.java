package org.lrms.reporting.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.kit.consume.ProcessedEventRetention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's retention: processed event ids older than the window (30 days) are pruned, in chunks; newer ones stay. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ProcessedEventRetention retention;

    @Test
    void idsOlderThanTheWindowArePrunedAndNewerOnesStay() throws Exception {
        Instant now = Instant.now();
        String consumer = "reporting:retention-test-" + UUID.randomUUID();
        int old = ProcessedEventRetention.CHUNK + 5; // more than one chunk
        insert(consumer, old, now.minus(Duration.ofDays(31)));
        insert(consumer, 3, now.minus(Duration.ofDays(29)));
        insert("another:" + consumer, 2, now.minus(Duration.ofDays(400)));
        insert("another:" + consumer, 4, now.minus(Duration.ofDays(1)));

        assertTrue(retention.prune(now) >= old + 2);
        assertEquals(3, count(consumer));
        assertEquals(4, count("another:" + consumer), "every consumer's old ids go, its recent ones stay");
        assertEquals(0, retention.prune(now), "a second run finds nothing more");
    }

    private void insert(String consumer, int n, Instant at) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id, processed_at) SELECT ?, gen_random_uuid(), ?"
                        + " FROM generate_series(1, ?)")) {
            s.setString(1, consumer);
            s.setTimestamp(2, Timestamp.from(at));
            s.setInt(3, n);
            s.executeUpdate();
        }
    }

    private long count(String consumer) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM processed_event WHERE consumer = ?")) {
            s.setString(1, consumer);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
