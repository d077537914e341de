package org.lrms.reporting.ingest;

import org.junit.jupiter.api.Test;

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
}
