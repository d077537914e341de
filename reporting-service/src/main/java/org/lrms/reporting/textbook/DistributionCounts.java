package org.lrms.reporting.textbook;

import org.lrms.reporting.ingest.SqlBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The counts a batch of distribution events changes, counted again from the distribution rows of every site and
 * textbook title the batch touched, once its rows are written: copies distributed, returned and declared lost per
 * day ({@code textbook_distribution_day}), and outstanding and lost now ({@code textbook_distribution_now}). Counting
 * again from the rows keeps them exact whatever the order the events came in; the report reads these instead of
 * every distribution of the district.
 */
final class DistributionCounts implements SqlBatch.Deferred {

    private record Key(String siteCode, UUID textbookTitleId) {
    }

    private final Set<Key> touched = new LinkedHashSet<>();

    void touched(String siteCode, UUID textbookTitleId) {
        touched.add(new Key(siteCode, textbookTitleId));
    }

    @Override
    public void write(Connection connection) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        String[] sites = touched.stream().map(Key::siteCode).toArray(String[]::new);
        UUID[] titles = touched.stream().map(Key::textbookTitleId).toArray(UUID[]::new);
        List<String> statements = List.of("""
                DELETE FROM textbook_distribution_day x USING unnest(?::text[], ?::uuid[]) AS t(site, title)
                WHERE x.site_code = t.site AND x.textbook_title_id = t.title""", """
                DELETE FROM textbook_distribution_now x USING unnest(?::text[], ?::uuid[]) AS t(site, title)
                WHERE x.site_code = t.site AND x.textbook_title_id = t.title""", """
                INSERT INTO textbook_distribution_day (site_code, textbook_title_id, day, distributed, returned, lost)
                SELECT d.site_code, d.textbook_title_id, e.day, count(*) FILTER (WHERE e.kind = 'D'),
                       count(*) FILTER (WHERE e.kind = 'R'), count(*) FILTER (WHERE e.kind = 'L')
                FROM unnest(?::text[], ?::uuid[]) AS t(site, title)
                JOIN textbook_distribution d ON d.site_code = t.site AND d.textbook_title_id = t.title
                CROSS JOIN LATERAL (VALUES ('D', d.distributed_on), ('R', d.returned_on), ('L', d.lost_on))
                    AS e(kind, day)
                WHERE e.day IS NOT NULL
                GROUP BY d.site_code, d.textbook_title_id, e.day""", """
                INSERT INTO textbook_distribution_now (site_code, textbook_title_id, isbn, title, outstanding, lost)
                SELECT d.site_code, d.textbook_title_id, max(d.isbn), max(d.title),
                       count(*) FILTER (WHERE d.returned_at IS NULL AND d.lost_at IS NULL),
                       count(*) FILTER (WHERE d.lost_at IS NOT NULL
                                          AND (d.returned_at IS NULL OR d.returned_at < d.lost_at))
                FROM unnest(?::text[], ?::uuid[]) AS t(site, title)
                JOIN textbook_distribution d ON d.site_code = t.site AND d.textbook_title_id = t.title
                GROUP BY d.site_code, d.textbook_title_id""");
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", sites));
                statement.setArray(2, connection.createArrayOf("uuid", titles));
                statement.execute();
            }
        }
    }
}
