package org.lrms.reporting.patron;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.events.circulation.PatronSnapshot;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.util.List;
import java.util.Locale;

/**
 * Patrons from circulation.patrons.v1, keeping only the pseudonymous key, type, home site, grade, homeroom and
 * status: enough for enrolment counts and patron data reports by homeroom. Names, barcodes and SIS ids are dropped.
 */
@ApplicationScoped
public class PatronProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.CIRCULATION_PATRONS;
    }

    @Override
    public List<String> tables() {
        return List.of("patron");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        PatronSnapshot patron;
        switch (event.type()) {
            case "PatronCreated" -> patron = EventJson.payload(event, PatronCreated.class).patron();
            case "PatronUpdated" -> patron = EventJson.payload(event, PatronUpdated.class).patron();
            case "PatronDeactivated" -> patron = EventJson.payload(event, PatronDeactivated.class).patron();
            default -> {
                return false;
            }
        }
        Projection.require(patron, event, "patron");
        String status = patron.status() != null ? patron.status().toUpperCase(Locale.ROOT)
                : "PatronDeactivated".equals(event.type()) ? "INACTIVE" : "ACTIVE";
        sql.add("""
                        INSERT INTO patron (patron_key, patron_type, home_site, grade, homeroom, status)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (patron_key) DO UPDATE SET patron_type = EXCLUDED.patron_type,
                            home_site = EXCLUDED.home_site, grade = EXCLUDED.grade, homeroom = EXCLUDED.homeroom,
                            status = EXCLUDED.status
                        """,
                Projection.require(patron.patronKey(), event, "patronKey"),
                upper(patron.patronType()),
                upper(patron.homeSite() != null ? patron.homeSite() : event.siteCode()),
                patron.grade(),
                patron.homeroom(),
                status);
        return true;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
