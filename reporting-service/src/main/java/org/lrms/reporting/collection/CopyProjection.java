package org.lrms.reporting.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Copies (physical items) per site, from catalog.copies.v1: enough for collection size, age, value, additions and
 * withdrawals. A copy counts as added on its acquisition date, or on the day the catalog added it.
 */
@ApplicationScoped
public class CopyProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    ReportingClock clock;

    @Override
    public String topic() {
        return Topics.CATALOG_COPIES;
    }

    @Override
    public List<String> tables() {
        return List.of("copy");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "CopyAdded" -> upsert(event, EventJson.payload(event, CopyAdded.class).copy(), null);
            case "CopyUpdated" -> upsert(event, EventJson.payload(event, CopyUpdated.class).copy(), null);
            case "CopyStatusChanged" -> upsert(event, EventJson.payload(event, CopyStatusChanged.class).copy(), null);
            case "CopyWithdrawn" -> upsert(event, EventJson.payload(event, CopyWithdrawn.class).copy(),
                    clock.day(event.occurredAt()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void upsert(EventEnvelope event, CopySnapshot copy, LocalDate withdrawnOn) {
        Projection.require(copy, event, "copy");
        String site = Projection.require(copy.siteCode() != null ? copy.siteCode() : event.siteCode(), event,
                "siteCode").toUpperCase(Locale.ROOT);
        LocalDate addedOn = copy.acquiredOn() != null ? copy.acquiredOn() : clock.day(event.occurredAt());
        // a withdrawal is final: later updates of the copy keep its withdrawal date
        sql.add("""
                        INSERT INTO copy (copy_id, title_id, site_code, status, material_type, dewey_class,
                                          publication_year, price, added_on, withdrawn_on)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (copy_id) DO UPDATE SET title_id = EXCLUDED.title_id,
                            site_code = EXCLUDED.site_code, status = EXCLUDED.status,
                            material_type = EXCLUDED.material_type, dewey_class = EXCLUDED.dewey_class,
                            publication_year = EXCLUDED.publication_year, price = EXCLUDED.price,
                            added_on = LEAST(copy.added_on, EXCLUDED.added_on),
                            withdrawn_on = COALESCE(copy.withdrawn_on, EXCLUDED.withdrawn_on)
                        """,
                Projection.require(copy.copyId(), event, "copyId"),
                copy.titleId(),
                site,
                copy.status(),
                copy.materialType(),
                DeweyClass.of(copy.deweyNumber()),
                copy.publicationYear(),
                copy.price(),
                addedOn,
                withdrawnOn);
    }
}
