package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Adds one event to the day's circulation counts (no patron identity: only the dimensions reports group by). The
 * counts of a batch are added up and written by one statement per batch ({@link SqlBatch#row}): per day and
 * dimensions ({@code circulation_day}), and the district-wide rollups ({@code circulation_rollup}: month and day, one
 * dimension at a time), in the same transaction.
 */
@ApplicationScoped
public class CirculationCounts {

    public static final String UNKNOWN = "UNKNOWN";

    /** What happened: the columns of the circulation report. */
    public enum Kind { CHECKOUT, RENEWAL, RETURN, LOST, HOLD_FILLED }

    @Inject
    SqlBatch sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(LocalDate day, String siteCode, Kind kind, String materialType, String deweyClass,
                    String patronType, String patronGrade) {
        sql.row(DAY, day, siteCode, kind.name(), dimension(materialType), deweyClass, dimension(patronType),
                dimension(patronGrade));
        sql.row(ROLLUP, day, siteCode, kind.name(), dimension(materialType), deweyClass, dimension(patronType),
                dimension(patronGrade));
    }

    /** The batch's events added up per day and dimensions, in one statement. */
    private static final String DAY = """
            INSERT INTO circulation_day (day, site_code, kind, material_type, dewey_class, patron_type, patron_grade,
                                         events)
            SELECT e.day, e.site_code, e.kind, e.material_type, e.dewey_class, e.patron_type, e.patron_grade, count(*)
            FROM unnest(?1::date[], ?2::text[], ?3::text[], ?4::text[], ?5::text[], ?6::text[], ?7::text[])
                     AS e(day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
            GROUP BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT (day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
            DO UPDATE SET events = circulation_day.events + EXCLUDED.events
            """;

    /** One row per grain and dimension of each event, added up: the district's rollups (see V7). */
    private static final String ROLLUP = """
            INSERT INTO circulation_rollup (grain, period, dimension, value, kind, events)
            SELECT g.grain, CASE g.grain WHEN 'M' THEN CAST(date_trunc('month', e.day) AS date) ELSE e.day END,
                   d.dimension, d.value, e.kind, count(*)
            FROM unnest(?1::date[], ?2::text[], ?3::text[], ?4::text[], ?5::text[], ?6::text[], ?7::text[])
                     AS e(day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
            CROSS JOIN (VALUES ('M'), ('D')) g(grain)
            CROSS JOIN LATERAL (VALUES ('total', ''), ('site', e.site_code), ('material_type', e.material_type),
                                       ('dewey_class', e.dewey_class), ('patron_type', e.patron_type),
                                       ('patron_grade', e.patron_grade)) d(dimension, value)
            GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (grain, dimension, period, value, kind)
            DO UPDATE SET events = circulation_rollup.events + EXCLUDED.events
            """;

    static String dimension(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim().toUpperCase(Locale.ROOT);
    }
}
