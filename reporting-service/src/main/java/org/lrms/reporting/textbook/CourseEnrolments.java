package org.lrms.reporting.textbook;

import org.lrms.reporting.ingest.SqlBatch;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch's roster classes and enrollments, written when the batch is flushed, and the counts they change:
 * {@code roster_course} holds the distinct students of each site's active classes of each course, counted again for
 * every site and course a class or enrollment of the batch belonged to before or belongs to now. The report then
 * reads one row per site and course instead of every enrollment of the district (3.6 M at 600,000 students).
 * An enrollment that comes before its class is counted when the class comes.
 */
final class CourseEnrolments implements SqlBatch.Deferred {

    record ClassRow(String sourcedId, String siteCode, String courseCode, String courseTitle, String status) {
    }

    record EnrollmentRow(String sourcedId, String classSourcedId, String student, String role, String status,
                         LocalDate beginDate, LocalDate endDate) {
    }

    private record Course(String siteCode, String courseCode) {
    }

    private final List<ClassRow> classes = new ArrayList<>();
    private final List<EnrollmentRow> enrollments = new ArrayList<>();

    void add(ClassRow row) {
        classes.add(row);
    }

    void add(EnrollmentRow row) {
        enrollments.add(row);
    }

    @Override
    public void write(Connection connection) throws SQLException {
        String[] classIds = classes.stream().map(ClassRow::sourcedId).toArray(String[]::new);
        String[] enrollmentIds = enrollments.stream().map(EnrollmentRow::sourcedId).toArray(String[]::new);
        Set<Course> touched = new LinkedHashSet<>(courses(connection, classIds, enrollmentIds));
        if (!classes.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO roster_class (sourced_id, site_code, course_code, course_title, status)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (sourced_id) DO UPDATE SET site_code = EXCLUDED.site_code,
                        course_code = EXCLUDED.course_code, course_title = EXCLUDED.course_title,
                        status = EXCLUDED.status""")) {
                for (ClassRow c : classes) {
                    upsert.setString(1, c.sourcedId());
                    upsert.setString(2, c.siteCode());
                    upsert.setString(3, c.courseCode());
                    upsert.setString(4, c.courseTitle());
                    upsert.setString(5, c.status());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        if (!enrollments.isEmpty()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO roster_enrollment (sourced_id, class_sourced_id, student, role, status, begin_date,
                        end_date)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sourced_id) DO UPDATE SET class_sourced_id = EXCLUDED.class_sourced_id,
                        student = EXCLUDED.student, role = EXCLUDED.role, status = EXCLUDED.status,
                        begin_date = EXCLUDED.begin_date, end_date = EXCLUDED.end_date""")) {
                for (EnrollmentRow e : enrollments) {
                    upsert.setString(1, e.sourcedId());
                    upsert.setString(2, e.classSourcedId());
                    upsert.setString(3, e.student());
                    upsert.setString(4, e.role());
                    upsert.setString(5, e.status());
                    upsert.setDate(6, e.beginDate() == null ? null : Date.valueOf(e.beginDate()));
                    upsert.setDate(7, e.endDate() == null ? null : Date.valueOf(e.endDate()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        touched.addAll(courses(connection, classIds, enrollmentIds));
        if (touched.isEmpty()) {
            return;
        }
        String[] sites = touched.stream().map(Course::siteCode).toArray(String[]::new);
        String[] codes = touched.stream().map(Course::courseCode).toArray(String[]::new);
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM roster_course r USING unnest(?::text[], ?::text[]) AS t(site_code, course_code)
                WHERE r.site_code = t.site_code AND r.course_code = t.course_code""");
             PreparedStatement count = connection.prepareStatement("""
                     INSERT INTO roster_course (site_code, course_code, course_title, classes, students)
                     SELECT c.site_code, c.course_code, max(c.course_title), count(DISTINCT c.sourced_id),
                            count(DISTINCT e.student)
                     FROM unnest(?::text[], ?::text[]) AS t(site_code, course_code)
                     JOIN roster_class c ON c.site_code = t.site_code AND c.course_code = t.course_code
                         AND c.status = 'active'
                     LEFT JOIN roster_enrollment e ON e.class_sourced_id = c.sourced_id
                         AND e.role = 'student' AND e.status = 'active'
                     GROUP BY c.site_code, c.course_code""")) {
            for (PreparedStatement s : List.of(delete, count)) {
                s.setArray(1, connection.createArrayOf("text", sites));
                s.setArray(2, connection.createArrayOf("text", codes));
                s.execute();
            }
        }
    }

    /** The sites and courses of these classes and of these enrollments' classes, as the tables hold them now. */
    private static List<Course> courses(Connection connection, String[] classIds, String[] enrollmentIds)
            throws SQLException {
        List<Course> found = new ArrayList<>();
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT DISTINCT c.site_code, c.course_code FROM roster_class c
                WHERE c.course_code IS NOT NULL
                  AND (c.sourced_id = ANY(?) OR c.sourced_id IN (SELECT e.class_sourced_id FROM roster_enrollment e
                                                                WHERE e.sourced_id = ANY(?)))""")) {
            read.setArray(1, connection.createArrayOf("text", classIds));
            read.setArray(2, connection.createArrayOf("text", enrollmentIds));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    found.add(new Course(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return found;
    }
}
