package org.lrms.reporting.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.util.List;
import java.util.Locale;

/** Sites from circulation's SiteUpserted: code, name, type, whether still open. */
@ApplicationScoped
public class SiteProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.CIRCULATION_SITES;
    }

    @Override
    public List<String> tables() {
        return List.of("site");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"SiteUpserted".equals(event.type())) {
            return false;
        }
        SiteUpserted site = EventJson.payload(event, SiteUpserted.class);
        String code = Projection.require(site.siteCode(), event, "siteCode").toUpperCase(Locale.ROOT);
        if (!SiteDirectory.isSiteCode(code)) {
            throw new UnreadableEventException("SiteUpserted " + event.eventId() + " has an invalid siteCode");
        }
        sql.add("""
                        INSERT INTO site (site_code, name, site_type, active, upserted) VALUES (?1, ?2, ?3, ?4, TRUE)
                        ON CONFLICT (site_code) DO UPDATE SET name = EXCLUDED.name, site_type = EXCLUDED.site_type,
                            active = EXCLUDED.active, upserted = TRUE
                        """,
                code,
                site.name(),
                site.siteType(),
                site.active());
        return true;
    }
}
