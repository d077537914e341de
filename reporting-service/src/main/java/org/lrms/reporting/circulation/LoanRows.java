package org.lrms.reporting.circulation;

import org.lrms.reporting.ingest.SqlBatch;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The batch's changes to the {@code loan} rows, written by one upsert for the whole batch (and one update for the
 * loans anonymized). Several events of one loan in a batch are folded first into the one row that applying them one
 * after another would leave: the first event's loan (what an insert writes), the last due date, the first borrower
 * token and return time, the status rule (a returned loan stays returned; an event repeating the loan as out never
 * reopens it), the highest days overdue.
 */
final class LoanRows implements SqlBatch.Deferred {

    /** One loan's row as the batch leaves it. */
    static final class Row {
        final UUID loanId;
        final UUID copyId;
        final UUID titleId;
        final String siteCode;
        final String patronKey;
        final String patronType;
        final String patronGrade;
        final String materialType;
        final String deweyClass;
        final Instant loanedAt;
        Instant dueAt;
        Instant returnedAt;
        String status;
        String borrower;
        int daysOverdue;

        Row(UUID loanId, UUID copyId, UUID titleId, String siteCode, String patronKey, String patronType,
            String patronGrade, String materialType, String deweyClass, Instant loanedAt, Instant dueAt,
            Instant returnedAt, String status, String borrower) {
            this.loanId = loanId;
            this.copyId = copyId;
            this.titleId = titleId;
            this.siteCode = siteCode;
            this.patronKey = patronKey;
            this.patronType = patronType;
            this.patronGrade = patronGrade;
            this.materialType = materialType;
            this.deweyClass = deweyClass;
            this.loanedAt = loanedAt;
            this.dueAt = dueAt;
            this.returnedAt = returnedAt;
            this.status = status;
            this.borrower = borrower;
        }

        /** What the upsert's ON CONFLICT does with a later event of the same loan. */
        void then(Row next) {
            dueAt = next.dueAt;
            borrower = borrower != null ? borrower : next.borrower;
            returnedAt = returnedAt != null ? returnedAt : next.returnedAt;
            status = status(status, next.status);
        }
    }

    /** The upsert's status rule: a returned loan stays returned; OUT never overwrites. */
    static String status(String current, String next) {
        return "OUT".equals(next) || "RETURNED".equals(current) ? current : next;
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Map<UUID, Integer> overdue = new LinkedHashMap<>();
    private final Set<UUID> anonymized = new LinkedHashSet<>();

    void upsert(Row row) {
        Row first = rows.putIfAbsent(row.loanId, row);
        if (first != null) {
            first.then(row);
        }
    }

    void overdue(UUID loanId, int days) {
        overdue.merge(loanId, days, Math::max);
    }

    void anonymize(UUID loanId) {
        anonymized.add(loanId);
    }

    @Override
    public void write(Connection c) throws SQLException {
        if (!rows.isEmpty()) {
            List<Row> all = new ArrayList<>(rows.values());
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO loan (loan_id, copy_id, title_id, site_code, patron_key, patron_type, patron_grade,
                                      material_type, dewey_class, loaned_at, due_at, returned_at, status, borrower,
                                      days_overdue)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                                         ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                                         ?::text[], ?::text[], ?::int[])
                    ON CONFLICT (loan_id) DO UPDATE SET due_at = EXCLUDED.due_at,
                        borrower = COALESCE(loan.borrower, EXCLUDED.borrower),
                        returned_at = COALESCE(loan.returned_at, EXCLUDED.returned_at),
                        status = CASE WHEN EXCLUDED.status = 'OUT' OR loan.status = 'RETURNED' THEN loan.status
                                      ELSE EXCLUDED.status END,
                        days_overdue = GREATEST(loan.days_overdue, EXCLUDED.days_overdue)""")) {
                upsert.setArray(1, c.createArrayOf("uuid", all.stream().map(r -> r.loanId).toArray()));
                upsert.setArray(2, c.createArrayOf("uuid", all.stream().map(r -> r.copyId).toArray()));
                upsert.setArray(3, c.createArrayOf("uuid", all.stream().map(r -> r.titleId).toArray()));
                upsert.setArray(4, text(c, all.stream().map(r -> r.siteCode).toArray()));
                upsert.setArray(5, text(c, all.stream().map(r -> r.patronKey).toArray()));
                upsert.setArray(6, text(c, all.stream().map(r -> r.patronType).toArray()));
                upsert.setArray(7, text(c, all.stream().map(r -> r.patronGrade).toArray()));
                upsert.setArray(8, text(c, all.stream().map(r -> r.materialType).toArray()));
                upsert.setArray(9, text(c, all.stream().map(r -> r.deweyClass).toArray()));
                upsert.setArray(10, times(c, all.stream().map(r -> r.loanedAt).toList()));
                upsert.setArray(11, times(c, all.stream().map(r -> r.dueAt).toList()));
                upsert.setArray(12, times(c, all.stream().map(r -> r.returnedAt).toList()));
                upsert.setArray(13, text(c, all.stream().map(r -> r.status).toArray()));
                upsert.setArray(14, text(c, all.stream().map(r -> r.borrower).toArray()));
                upsert.setArray(15, c.createArrayOf("int4", all.stream()
                        .map(r -> overdue.getOrDefault(r.loanId, 0)).toArray()));
                upsert.executeUpdate();
            }
        }
        // days overdue of loans the batch did not otherwise touch (an overdue notice always repeats its loan)
        Map<UUID, Integer> others = new LinkedHashMap<>(overdue);
        others.keySet().removeAll(rows.keySet());
        if (!others.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE loan SET days_overdue = GREATEST(days_overdue, o.days)
                    FROM unnest(?::uuid[], ?::int[]) o(loan_id, days) WHERE loan.loan_id = o.loan_id""")) {
                update.setArray(1, c.createArrayOf("uuid", others.keySet().toArray()));
                update.setArray(2, c.createArrayOf("int4", others.values().toArray()));
                update.executeUpdate();
            }
        }
        if (!anonymized.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE loan SET patron_key = NULL WHERE loan_id = ANY(?::uuid[])")) {
                update.setArray(1, c.createArrayOf("uuid", anonymized.toArray()));
                update.executeUpdate();
            }
        }
    }

    private static Array text(Connection c, Object[] values) throws SQLException {
        return c.createArrayOf("text", values);
    }

    private static Array times(Connection c, List<Instant> values) throws SQLException {
        return c.createArrayOf("timestamptz", values.stream().map(t -> t == null ? null : Timestamp.from(t))
                .toArray());
    }
}
