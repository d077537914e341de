package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Adds one event to the day's circulation counts (no patron identity: only the dimensions reports group by). The
 * counts of a batch are added up in memory and written once per day and dimensions ({@link SqlBatch#count}).
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
        sql.count("""
                        INSERT INTO circulation_day (day, site_code, kind, material_type, dewey_class, patron_type,
                                                     patron_grade, events)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
                        DO UPDATE SET events = circulation_day.events + EXCLUDED.events
                        """,
                day,
                siteCode,
                kind.name(),
                dimension(materialType),
                deweyClass,
                dimension(patronType),
                dimension(patronGrade));
    }

    static String dimension(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim().toUpperCase(Locale.ROOT);
    }
}
