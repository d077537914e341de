package org.lrms.reporting.textbook;

import org.lrms.reporting.freshness.Freshness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Textbook sufficiency now, per site and course, and per site and textbook title the copies distributed, returned
 * and declared lost in the period, outstanding now and lost now.
 *
 * @param enrolledOn  the day enrollments are counted on (today)
 * @param sufficiency one row per site, course and adopted textbook title
 * @param titles      one row per site and textbook title counted, adopted or distributed
 */
public record TextbookReport(String scope, List<String> sites, LocalDate from, LocalDate to, LocalDate enrolledOn,
                             Totals totals, List<CourseRow> sufficiency, List<TitleRow> titles,
                             Freshness freshness) {

    /**
     * @param courses           rows of {@code sufficiency}
     * @param sufficientCourses of those, the ones with enough copies
     * @param copiesNeeded      copies needed, added up over the courses
     * @param shortfall         copies missing, added up over the titles (a title two courses share counts once)
     * @param distributed       copies distributed in the period
     * @param returned          copies returned in the period
     * @param lost              copies declared lost in the period
     * @param outstanding       copies out with students now
     * @param lostTotal         copies declared lost and not returned, whenever that was
     */
    public record Totals(long courses, long sufficientCourses, long copiesNeeded, long shortfall, long distributed,
                         long returned, long lost, long outstanding, long lostTotal) {
    }

    /**
     * A course at a site and a textbook title adopted for it.
     *
     * @param adoptedBy         {@code SITE} (the site's own adoption) or {@code DISTRICT}
     * @param enrolledStudents  distinct students in active enrollments of the site's active classes of the course
     * @param copiesNeeded      enrolled students times copies per student
     * @param copiesHeld        copies of the title the site holds (its latest count; 0 when never counted)
     * @param copiesAvailable   of those, on the shelf
     * @param copiesDistributed of those, out with students (for any course)
     * @param shortfall         copies needed beyond those distributed and available (this course alone)
     */
    public record CourseRow(String site, String courseCode, String courseTitle, UUID textbookTitleId, String isbn,
                            String title, String adoptedBy, int copiesPerStudent, long enrolledStudents,
                            long copiesNeeded, long copiesHeld, long copiesAvailable, long copiesDistributed,
                            long shortfall, boolean sufficient) {
    }

    /**
     * A textbook title at a site.
     *
     * @param copiesHeld   copies the site holds (latest count), {@code copiesAvailable} and {@code copiesDamaged} of
     *                     them; {@code countedAt} when (null: never counted)
     * @param copiesNeeded copies the courses adopting it at the site need, added up
     * @param shortfall    copies needed beyond those distributed and available
     * @param distributed  copies distributed in the period
     * @param returned     copies returned in the period
     * @param lost         copies declared lost in the period (even if found since)
     * @param outstanding  copies out with students now
     * @param lostTotal    copies declared lost and not returned, whenever that was
     */
    public record TitleRow(String site, UUID textbookTitleId, String isbn, String title, long copiesHeld,
                           long copiesAvailable, long copiesDamaged, Instant countedAt, long copiesNeeded,
                           long shortfall, boolean sufficient, long distributed, long returned, long lost,
                           long outstanding, long lostTotal) {
    }
}
