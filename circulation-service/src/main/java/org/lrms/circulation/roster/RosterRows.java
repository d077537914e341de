package org.lrms.circulation.roster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.circulation.patron.Patron;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes an import batch's rows in one JDBC batch per table and kind (new patrons, changed patrons, classes,
 * enrollments), on the transaction's own connection (the pool enlists it, so the rows commit with the batch's
 * events): one round trip for 500 rows instead of one statement each, and none of an entity's bookkeeping.
 */
@ApplicationScoped
public class RosterRows {

    /** A class row of classes.csv, with its course's code and title. */
    record ClassRow(String sourcedId, String siteCode, String title, String classCode, String courseSourcedId,
                    String courseCode, String courseTitle, String grades, String subjects, String location,
                    String status, String classType) {
    }

    /** An enrollment row of enrollments.csv, its class and patron found. */
    record EnrollmentRow(String sourcedId, String classSourcedId, UUID patronId, String role, boolean primary,
                         LocalDate begin, LocalDate end, String status) {
    }

    private static final String INSERT_PATRON = "INSERT INTO patron (id, barcode, sis_id, sourced_id, first_name, "
            + "last_name, patron_type, home_site, grade, email, language, status, blocked, fee_balance, "
            + "last_import_id, created_at, updated_at, version, homeroom, homeroom_class) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 0, ?, ?, ?, 0, ?, ?)";

    /**
     * A changed patron: only the columns users.csv gives (the homeroom is the roster's homeroom classes', set by
     * {@link Homerooms}; language, notes, blocks and the fee balance are the library's own), and the version moves as an entity update moves it, so a staff edit begun before the
     * import still meets its optimistic lock.
     */
    private static final String UPDATE_PATRON = "UPDATE patron SET barcode = ?, sis_id = ?, sourced_id = ?, "
            + "first_name = ?, last_name = ?, patron_type = ?, home_site = ?, grade = ?, email = ?, status = ?, "
            + "last_import_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";

    private static final String UPSERT_CLASS = "INSERT INTO roster_class (sourced_id, site_code, title, class_code, "
            + "course_sourced_id, course_code, course_title, grades, subjects, location, status, updated_at, "
            + "class_type, last_import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (sourced_id) DO UPDATE SET site_code = excluded.site_code, "
            + "title = excluded.title, class_code = excluded.class_code, "
            + "course_sourced_id = excluded.course_sourced_id, course_code = excluded.course_code, "
            + "course_title = excluded.course_title, grades = excluded.grades, "
            + "subjects = excluded.subjects, location = excluded.location, "
            + "status = excluded.status, updated_at = excluded.updated_at, class_type = excluded.class_type, "
            + "last_import_id = excluded.last_import_id";

    private static final String UPSERT_ENROLLMENT = "INSERT INTO roster_enrollment (sourced_id, class_sourced_id, "
            + "patron_id, role, primary_teacher, begin_date, end_date, status, updated_at, last_import_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sourced_id) DO UPDATE "
            + "SET class_sourced_id = excluded.class_sourced_id, patron_id = excluded.patron_id, "
            + "role = excluded.role, primary_teacher = excluded.primary_teacher, "
            + "begin_date = excluded.begin_date, end_date = excluded.end_date, "
            + "status = excluded.status, updated_at = excluded.updated_at, last_import_id = excluded.last_import_id";

    @Inject
    AgroalDataSource dataSource;

    /** New patrons, as the roster describes them (not managed entities: nothing else changes them here). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertPatrons(List<Patron> patrons) {
        batch(INSERT_PATRON, patrons, (s, p) -> {
            s.setObject(1, p.id);
            s.setString(2, p.barcode);
            s.setString(3, p.sisId);
            s.setString(4, p.sourcedId);
            s.setString(5, p.firstName);
            s.setString(6, p.lastName);
            s.setString(7, p.patronType);
            s.setString(8, p.homeSite);
            s.setString(9, p.grade);
            s.setString(10, p.email);
            s.setString(11, p.language);
            s.setString(12, p.status);
            s.setObject(13, p.lastImportId);
            s.setTimestamp(14, Timestamp.from(p.createdAt));
            s.setTimestamp(15, Timestamp.from(p.updatedAt));
            s.setString(16, p.homeroom);
            s.setString(17, p.homeroomClass);
        });
    }

    /**
     * Patrons whose roster row changed, as the roster now describes them (read-only entities, locked by the read:
     * the session never writes them). A patron changed by someone else since the read fails the batch, as an
     * entity's optimistic lock would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updatePatrons(List<Patron> patrons) {
        int[] counts = batch(UPDATE_PATRON, patrons, (s, p) -> {
            s.setString(1, p.barcode);
            s.setString(2, p.sisId);
            s.setString(3, p.sourcedId);
            s.setString(4, p.firstName);
            s.setString(5, p.lastName);
            s.setString(6, p.patronType);
            s.setString(7, p.homeSite);
            s.setString(8, p.grade);
            s.setString(9, p.email);
            s.setString(10, p.status);
            s.setObject(11, p.lastImportId);
            s.setTimestamp(12, Timestamp.from(p.updatedAt));
            s.setObject(13, p.id);
            s.setInt(14, p.version);
        });
        requireEach(counts, patrons.size());
    }

    /** Rostered patrons a full export no longer lists (read-only and locked, as above): inactive, never deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deactivatePatrons(List<Patron> patrons, Instant now) {
        if (patrons.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE patron SET status = 'INACTIVE', "
                     + "updated_at = ?, version = version + 1 WHERE id = ANY(?) AND status = 'ACTIVE'")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, connection.createArrayOf("uuid", patrons.stream().map(p -> p.id).toArray()));
            if (update.executeUpdate() != patrons.size()) {
                throw new IllegalStateException("a patron changed while the roster import deactivated it");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    /** Patrons the roster lists unchanged: only which import saw them last moves (a bulk export needs it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markSeen(Collection<UUID> patronIds, UUID importId) {
        if (patronIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE patron SET last_import_id = ? WHERE id = ANY(?)")) {
            update.setObject(1, importId);
            update.setArray(2, connection.createArrayOf("uuid", patronIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    /**
     * Users whose users.csv rows failed: the file lists them all the same, so they carry the import's mark and a full
     * export does not deactivate them. Found by sourcedId, or by barcode for a row without one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markPresent(Collection<String> sourcedIds, Collection<String> barcodes, UUID importId) {
        if (sourcedIds.isEmpty() && barcodes.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE patron SET last_import_id = ? "
                     + "WHERE sourced_id IS NOT NULL AND (sourced_id = ANY(?) OR barcode = ANY(?))")) {
            update.setObject(1, importId);
            update.setArray(2, connection.createArrayOf("text", sourcedIds.toArray()));
            update.setArray(3, connection.createArrayOf("text", barcodes.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    /**
     * Classes or enrollments ({@code table}: {@code roster_class}, {@code roster_enrollment}) whose rows failed: the
     * file lists them all the same, so they carry the import's mark and a full export does not retire them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markRowsPresent(String table, Collection<String> sourcedIds, UUID importId) {
        if (sourcedIds.isEmpty()) {
            return;
        }
        if (!table.equals("roster_class") && !table.equals("roster_enrollment")) {
            throw new IllegalArgumentException("not a roster table: " + table);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + table
                     + " SET last_import_id = ? WHERE sourced_id = ANY(?)")) {
            update.setObject(1, importId);
            update.setArray(2, connection.createArrayOf("text", sourcedIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertClasses(List<ClassRow> classes, Timestamp now, UUID importId) {
        batch(UPSERT_CLASS, classes, (s, c) -> {
            s.setString(1, c.sourcedId());
            s.setString(2, c.siteCode());
            s.setString(3, c.title());
            s.setString(4, c.classCode());
            s.setString(5, c.courseSourcedId());
            s.setString(6, c.courseCode());
            s.setString(7, c.courseTitle());
            s.setString(8, c.grades());
            s.setString(9, c.subjects());
            s.setString(10, c.location());
            s.setString(11, c.status());
            s.setTimestamp(12, now);
            s.setString(13, c.classType());
            s.setObject(14, importId);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsertEnrollments(List<EnrollmentRow> enrollments, Timestamp now, UUID importId) {
        batch(UPSERT_ENROLLMENT, enrollments, (s, e) -> {
            s.setString(1, e.sourcedId());
            s.setString(2, e.classSourcedId());
            s.setObject(3, e.patronId());
            s.setString(4, e.role());
            s.setBoolean(5, e.primary());
            date(s, 6, e.begin());
            date(s, 7, e.end());
            s.setString(8, e.status());
            s.setTimestamp(9, now);
            s.setObject(10, importId);
        });
    }

    /**
     * The next classes (after {@code after}, in sourcedId order) that a bulk classes.csv of import {@code importId}
     * no longer lists: now {@code tobedeleted}, as their events tell (at most {@code limit}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClassRow> retireClasses(UUID importId, Collection<String> sites, String after, int limit,
                                        Timestamp now) {
        String sql = "WITH gone AS (UPDATE roster_class SET status = 'tobedeleted', updated_at = ? "
                + "WHERE sourced_id IN (SELECT sourced_id FROM roster_class WHERE sourced_id > ? "
                + "AND status <> 'tobedeleted' AND last_import_id IS DISTINCT FROM ? AND site_code = ANY(?) "
                + "ORDER BY sourced_id LIMIT ?) "
                + "RETURNING *) SELECT sourced_id, site_code, title, class_code, course_sourced_id, course_code, "
                + "course_title, grades, subjects, location, status, class_type FROM gone ORDER BY sourced_id";
        List<ClassRow> gone = new ArrayList<>();
        query(sql, s -> {
            s.setTimestamp(1, now);
            s.setString(2, after);
            s.setObject(3, importId);
            s.setArray(4, s.getConnection().createArrayOf("text", sites.toArray()));
            s.setInt(5, limit);
        }, r -> gone.add(new ClassRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getString(11), r.getString(12))));
        return gone;
    }

    /** An enrollment a bulk enrollments.csv no longer lists, with its class's site and its user's sourcedId. */
    record RetiredEnrollment(EnrollmentRow enrollment, String siteCode, String userSourcedId) {
    }

    /** As {@link #retireClasses}, for the enrollments of a bulk enrollments.csv. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RetiredEnrollment> retireEnrollments(UUID importId, Collection<String> sites, String after,
                                                     int limit, Timestamp now) {
        String sql = "WITH gone AS (UPDATE roster_enrollment SET status = 'tobedeleted', updated_at = ? "
                + "WHERE sourced_id IN (SELECT e.sourced_id FROM roster_enrollment e "
                + "JOIN roster_class c ON c.sourced_id = e.class_sourced_id WHERE e.sourced_id > ? "
                + "AND e.status <> 'tobedeleted' AND e.last_import_id IS DISTINCT FROM ? AND c.site_code = ANY(?) "
                + "ORDER BY e.sourced_id LIMIT ?) "
                + "RETURNING *) SELECT g.sourced_id, g.class_sourced_id, g.patron_id, g.role, g.primary_teacher, "
                + "g.begin_date, g.end_date, g.status, c.site_code, p.sourced_id FROM gone g "
                + "JOIN roster_class c ON c.sourced_id = g.class_sourced_id JOIN patron p ON p.id = g.patron_id "
                + "ORDER BY g.sourced_id";
        List<RetiredEnrollment> gone = new ArrayList<>();
        query(sql, s -> {
            s.setTimestamp(1, now);
            s.setString(2, after);
            s.setObject(3, importId);
            s.setArray(4, s.getConnection().createArrayOf("text", sites.toArray()));
            s.setInt(5, limit);
        }, r -> {
            Date begin = r.getDate(6);
            Date end = r.getDate(7);
            gone.add(new RetiredEnrollment(new EnrollmentRow(r.getString(1), r.getString(2),
                    r.getObject(3, UUID.class), r.getString(4), r.getBoolean(5),
                    begin == null ? null : begin.toLocalDate(), end == null ? null : end.toLocalDate(),
                    r.getString(8)), r.getString(9), r.getString(10)));
        });
        return gone;
    }

    private interface Params {
        void set(PreparedStatement statement) throws SQLException;
    }

    private interface Reader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Params params, Reader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            params.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private <T> int[] batch(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("the roster batch could not be written", e);
        }
    }

    private static void requireEach(int[] counts, int rows) {
        if (counts.length != rows || Arrays.stream(counts).anyMatch(c -> c != 1)) {
            throw new IllegalStateException("a patron changed while the roster import wrote it");
        }
    }

    private static void date(PreparedStatement s, int index, LocalDate date) throws SQLException {
        if (date == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setDate(index, Date.valueOf(date));
        }
    }
}
