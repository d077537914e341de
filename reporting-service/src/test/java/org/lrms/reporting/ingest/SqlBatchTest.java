package org.lrms.reporting.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlBatchTest {

    @Test
    void numberedPlaceholdersBecomeJdbcPlaceholdersInTheOrderTheyAppear() {
        var jdbc = SqlBatch.jdbc("UPDATE loan SET days_overdue = GREATEST(days_overdue, ?2) WHERE loan_id = ?1");
        assertEquals("UPDATE loan SET days_overdue = GREATEST(days_overdue, ?) WHERE loan_id = ?", jdbc.sql());
        assertEquals(2, jdbc.parameters()[0]);
        assertEquals(1, jdbc.parameters()[1]);
    }

    @Test
    void twoDigitPlaceholdersAreRead() {
        var jdbc = SqlBatch.jdbc("VALUES (?1, ?10, ?2)");
        assertEquals("VALUES (?, ?, ?)", jdbc.sql());
        assertEquals(10, jdbc.parameters()[1]);
    }

    @Test
    void countedKeysComeOnceEachWithTheirCounts() {
        Map<SqlBatch.Key, Long> counts = new HashMap<>();
        for (Object[] key : new Object[][]{{"M", "site", LocalDate.of(2026, 9, 1), "RMS"},
                {"D", "site", LocalDate.of(2026, 9, 2), "LHS"}, {"M", "site", LocalDate.of(2026, 9, 1), "LHS"},
                {"M", "site", LocalDate.of(2026, 9, 1), "RMS"}, {"D", "site", LocalDate.of(2026, 9, 1), "LHS"}}) {
            counts.merge(new SqlBatch.Key(key.clone()), 1L, Long::sum);
        }
        Map<List<Object>, Object> rows = new HashMap<>();
        for (Object[] row : SqlBatch.counted(counts)) {
            rows.put(Arrays.asList(row).subList(0, 4), row[4]);
        }
        assertEquals(Map.of(List.of("M", "site", LocalDate.of(2026, 9, 1), "RMS"), 2L,
                List.of("M", "site", LocalDate.of(2026, 9, 1), "LHS"), 1L,
                List.of("D", "site", LocalDate.of(2026, 9, 1), "LHS"), 1L,
                List.of("D", "site", LocalDate.of(2026, 9, 2), "LHS"), 1L), rows);
    }
}
