package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.circulation.CirculationCounts.Kind;
import org.lrms.reporting.collection.DeweyClass;
import org.lrms.reporting.ingest.Projection;

import java.util.List;
import java.util.Locale;

/** Holds filled per day and pickup site, from circulation.holds.v1 (placed and expired holds are not counted yet). */
@ApplicationScoped
public class HoldProjection implements Projection {

    @Inject
    CirculationCounts counts;

    @Inject
    ReportingClock clock;

    @Override
    public String topic() {
        return Topics.CIRCULATION_HOLDS;
    }

    @Override
    public List<String> tables() {
        return List.of(); // its counts live in circulation_day, which LoanProjection empties
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"HoldFilled".equals(event.type())) {
            return false;
        }
        HoldSnapshot hold = Projection.require(EventJson.payload(event, HoldFilled.class).hold(), event, "hold");
        String site = Projection.require(hold.pickupSite() != null ? hold.pickupSite() : event.siteCode(), event,
                "hold.pickupSite").toUpperCase(Locale.ROOT);
        counts.add(clock.day(event.occurredAt()), site, Kind.HOLD_FILLED, null, DeweyClass.UNCLASSIFIED,
                hold.patronType(), hold.patronGrade());
        return true;
    }
}
