package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Adds one event to the day's circulation counts (no patron identity: only the dimensions reports group by). The
 * counts of a batch are added up here and written by one statement per batch ({@link SqlBatch#count}): per day and
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
        String material = dimension(materialType);
        String type = dimension(patronType);
        String grade = dimension(patronGrade);
        sql.count(DAY, siteCode, day, kind.name(), material, deweyClass, type, grade);
        LocalDate month = day.withDayOfMonth(1);
        for (String grain : GRAINS) {
            LocalDate period = grain.equals("M") ? month : day;
            sql.count(ROLLUP, grain, "total", period, "", kind.name());
            sql.count(ROLLUP, grain, "site", period, siteCode, kind.name());
            sql.count(ROLLUP, grain, "material_type", period, material, kind.name());
            sql.count(ROLLUP, grain, "dewey_class", period, deweyClass, kind.name());
            sql.count(ROLLUP, grain, "patron_type", period, type, kind.name());
            sql.count(ROLLUP, grain, "patron_grade", period, grade, kind.name());
        }
    }

    private static final String[] GRAINS = {"M", "D"};

    /** The batch's events added up per day and dimensions ({@link SqlBatch#count}): one row per key and batch. */
    private static final String DAY = """
            INSERT INTO circulation_day (site_code, day, kind, material_type, dewey_class, patron_type, patron_grade,
                                         events)
            SELECT * FROM unnest(?1::text[], ?2::date[], ?3::text[], ?4::text[], ?5::text[], ?6::text[], ?7::text[],
                                 ?8::bigint[])
            ON CONFLICT (site_code, day, kind, material_type, dewey_class, patron_type, patron_grade)
            DO UPDATE SET events = circulation_day.events + EXCLUDED.events
            """;

    /**
     * The district's rollups (see V7): each event counts once per grain ({@code M}: its month, {@code D}: its day) and
     * dimension ({@code total} with value '', site, material type, Dewey class, patron type, grade), added up here.
     */
    private static final String ROLLUP = """
            INSERT INTO circulation_rollup (grain, dimension, period, value, kind, events)
            SELECT * FROM unnest(?1::text[], ?2::text[], ?3::date[], ?4::text[], ?5::text[], ?6::bigint[])
            ON CONFLICT (grain, dimension, period, value, kind)
            DO UPDATE SET events = circulation_rollup.events + EXCLUDED.events
            """;

    static String dimension(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim().toUpperCase(Locale.ROOT);
    }
}
