package org.lrms.catalog.site;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.kit.consume.ProcessedEvents;

import java.time.Instant;
import java.util.Locale;

/** Keeps the site replica from circulation.sites.v1. */
@ApplicationScoped
public class SiteEvents {

    static final String CONSUMER = "catalog-sites";

    @Inject
    ProcessedEvents processed;

    @Incoming("sites")
    @Blocking(ordered = true)
    @Transactional
    public void onSiteEvent(String value) {
        EventEnvelope envelope = EventJson.read(value);
        if (!"SiteUpserted".equals(envelope.type())) {
            return;
        }
        SiteUpserted event = EventJson.payload(envelope, SiteUpserted.class);
        if (event.siteCode() == null || event.siteCode().isBlank()) {
            throw new UnreadableEventException("SiteUpserted without a siteCode");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        String code = event.siteCode().strip().toUpperCase(Locale.ROOT);
        Site site = Site.findById(code);
        if (site == null) {
            site = new Site();
            site.code = code;
        }
        site.name = event.name() == null ? code : event.name();
        site.siteType = event.siteType() == null ? "OTHER" : event.siteType();
        site.active = event.active();
        site.updatedAt = Instant.now();
        site.persist();
    }
}
