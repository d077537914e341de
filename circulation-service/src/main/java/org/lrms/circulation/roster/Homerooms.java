package org.lrms.circulation.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.circulation.patron.Patron;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Patrons' homerooms derived from the roster, in set-based SQL over what the imports stored (a few statements per
 * import, and one per 500 patrons whose homeroom changes, for their events):
 * <ul>
 *     <li>a student's homeroom is the title of the active {@code homeroom} class they have an active student
 *     enrollment in (several: the latest {@code beginDate}, then the class sourcedId), and {@code
 *     patron.homeroom_class} records that class;</li>
 *     <li>a homeroom class's teacher ({@code roster_class.homeroom_teacher_id}) is its active teacher enrollment:
 *     the primary teacher first, an active patron before an inactive one, then by name;</li>
 *     <li>the roster wins where it has a homeroom for a patron (a homeroom staff typed is replaced); a patron whose
 *     homeroom came from the roster loses it when the enrollment goes (tobedeleted, or missing from a bulk
 *     enrollments.csv) or the class does; a homeroom staff entered on a patron the roster seats in no homeroom is
 *     kept.</li>
 * </ul>
 */
@ApplicationScoped
public class Homerooms {

    /** Every homeroom class's teacher, again; a class that is no (longer an active) homeroom has none. */
    private static final String TEACHERS = """
            UPDATE roster_class c SET homeroom_teacher_id = t.teacher_id
            FROM (SELECT rc.sourced_id,
                         CASE WHEN rc.class_type = 'homeroom' AND rc.status = 'active' THEN
                             (SELECT e.patron_id FROM roster_enrollment e JOIN patron p ON p.id = e.patron_id
                              WHERE e.class_sourced_id = rc.sourced_id AND e.role = 'teacher' AND e.status = 'active'
                              ORDER BY e.primary_teacher DESC, (p.status = 'ACTIVE') DESC, p.last_name, p.first_name,
                                       e.sourced_id
                              LIMIT 1) END AS teacher_id
                  FROM roster_class rc
                  WHERE rc.class_type = 'homeroom' OR rc.homeroom_teacher_id IS NOT NULL) t
            WHERE c.sourced_id = t.sourced_id AND c.homeroom_teacher_id IS DISTINCT FROM t.teacher_id
            """;

    /**
     * The patrons whose homeroom the roster changes: those it seats in a homeroom other than the one they have
     * (or who have a homeroom staff typed), and those whose roster homeroom is gone (class and title null).
     */
    private static final String CHANGES = """
            INSERT INTO roster_homeroom_change (patron_id, class_sourced_id, title)
            SELECT p.id, d.class_sourced_id, d.title
            FROM patron p
            LEFT JOIN (SELECT DISTINCT ON (e.patron_id) e.patron_id, c.sourced_id AS class_sourced_id, c.title
                       FROM roster_enrollment e JOIN roster_class c ON c.sourced_id = e.class_sourced_id
                       WHERE c.class_type = 'homeroom' AND c.status = 'active' AND e.status = 'active'
                         AND e.role = 'student'
                       ORDER BY e.patron_id, e.begin_date DESC NULLS LAST, c.sourced_id) d ON d.patron_id = p.id
            WHERE (d.patron_id IS NOT NULL OR p.homeroom_class IS NOT NULL)
              AND (p.homeroom_class IS DISTINCT FROM d.class_sourced_id OR p.homeroom IS DISTINCT FROM d.title)
            """;

    /**
     * The next patrons of the changes, taken off the list and changed, if they still differ (a staff edit since
     * may have made them agree); the version moves as an entity update moves it. A homeroom to take away is taken
     * only while it is still the roster's (staff may have typed one since).
     */
    private static final String APPLY = """
            WITH chunk AS (
                DELETE FROM roster_homeroom_change WHERE patron_id IN
                    (SELECT patron_id FROM roster_homeroom_change ORDER BY patron_id LIMIT ?1)
                RETURNING patron_id, class_sourced_id, title),
            was AS (SELECT chunk.*, p.homeroom AS was_homeroom FROM chunk JOIN patron p ON p.id = chunk.patron_id)
            UPDATE patron p SET homeroom = was.title, homeroom_class = was.class_sourced_id, updated_at = ?2,
                                version = p.version + 1
            FROM was
            WHERE p.id = was.patron_id
              AND (was.class_sourced_id IS NOT NULL OR p.homeroom_class IS NOT NULL)
              AND (p.homeroom_class IS DISTINCT FROM was.class_sourced_id OR p.homeroom IS DISTINCT FROM was.title)
            RETURNING p.id, p.barcode, p.sis_id, p.sourced_id, p.first_name, p.last_name, p.patron_type, p.home_site,
                      p.grade, p.homeroom, p.homeroom_class, p.status, was.was_homeroom
            """;

    @Inject
    EntityManager em;

    /** Sets every homeroom class's teacher; answers how many classes changed teacher. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignTeachers() {
        return em.createNativeQuery(TEACHERS).executeUpdate();
    }

    /** The active homeroom classes the import {@code importId} listed that have no teacher enrolled. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<String> withoutTeacher(UUID importId) {
        return em.createNativeQuery("SELECT sourced_id FROM roster_class WHERE last_import_id = ?1 "
                        + "AND class_type = 'homeroom' AND status = 'active' AND homeroom_teacher_id IS NULL "
                        + "ORDER BY sourced_id")
                .setParameter(1, importId).getResultList();
    }

    /** Lists the patrons whose homeroom the roster changes (see {@link #apply}); answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int listChanges() {
        em.createNativeQuery("DELETE FROM roster_homeroom_change").executeUpdate();
        return em.createNativeQuery(CHANGES).executeUpdate();
    }

    /** A patron whose homeroom the roster changed, as it is now (not managed), and the homeroom it had. */
    public record Changed(Patron patron, String homeroomBefore) {
        /** Only the title is in the patron's events: another class of the same title is news to no consumer. */
        public boolean homeroomChanged() {
            return !Objects.equals(homeroomBefore, patron.homeroom);
        }
    }

    /** Applies the next {@code limit} listed changes; answers the patrons changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Changed> apply(int limit, Instant now) {
        List<Object[]> rows = em.createNativeQuery(APPLY).setParameter(1, limit).setParameter(2, now)
                .getResultList();
        List<Changed> changed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Patron p = new Patron();
            p.id = (UUID) r[0];
            p.barcode = (String) r[1];
            p.sisId = (String) r[2];
            p.sourcedId = (String) r[3];
            p.firstName = (String) r[4];
            p.lastName = (String) r[5];
            p.patronType = (String) r[6];
            p.homeSite = (String) r[7];
            p.grade = (String) r[8];
            p.homeroom = (String) r[9];
            p.homeroomClass = (String) r[10];
            p.status = (String) r[11];
            changed.add(new Changed(p, (String) r[12]));
        }
        return changed;
    }
}
