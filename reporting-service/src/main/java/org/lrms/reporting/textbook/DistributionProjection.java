package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.textbook.TextbookDeclaredLost;
import org.lrms.events.textbook.TextbookDistributed;
import org.lrms.events.textbook.TextbookDistribution;
import org.lrms.events.textbook.TextbookReturned;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.Instant;
import java.util.List;

import static org.lrms.reporting.textbook.RosterProjection.blankToNull;

/**
 * Distributions from textbook.distributions.v1: one row per distribution, with when it was handed out, returned and
 * declared lost. Every event carries the whole distribution, so any of them alone makes the row; a return or a loss
 * already known stays known. The patron key is not kept. The counts the report reads are kept per site and title
 * ({@link DistributionCounts}).
 */
@ApplicationScoped
public class DistributionProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    ReportingClock clock;

    @Override
    public String topic() {
        return Topics.TEXTBOOK_DISTRIBUTIONS;
    }

    @Override
    public List<String> tables() {
        return List.of("textbook_distribution", "textbook_distribution_day", "textbook_distribution_now");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "TextbookDistributed" ->
                    write(event, EventJson.payload(event, TextbookDistributed.class).distribution(), null, null);
            case "TextbookReturned" -> {
                TextbookReturned r = EventJson.payload(event, TextbookReturned.class);
                write(event, r.distribution(), Projection.require(r.returnedAt(), event, "returnedAt"), null);
            }
            case "TextbookDeclaredLost" -> {
                TextbookDeclaredLost l = EventJson.payload(event, TextbookDeclaredLost.class);
                write(event, l.distribution(), null, Projection.require(l.declaredLostAt(), event, "declaredLostAt"));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void write(EventEnvelope event, TextbookDistribution d, Instant returnedAt, Instant lostAt) {
        Projection.require(d, event, "distribution");
        Projection.require(d.distributionId(), event, "distributionId");
        Projection.require(d.textbookTitleId(), event, "textbookTitleId");
        Instant distributedAt = Projection.require(d.distributedAt(), event, "distributedAt");
        String site = RosterProjection.site(event, d.siteCode());
        sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        sql.add("""
                        INSERT INTO textbook_distribution (distribution_id, site_code, textbook_title_id, isbn, title,
                            course_code, distributed_at, distributed_on, returned_at, returned_on, lost_at, lost_on)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                        ON CONFLICT (distribution_id) DO UPDATE SET site_code = EXCLUDED.site_code,
                            textbook_title_id = EXCLUDED.textbook_title_id, isbn = EXCLUDED.isbn,
                            title = EXCLUDED.title, course_code = EXCLUDED.course_code,
                            distributed_at = EXCLUDED.distributed_at, distributed_on = EXCLUDED.distributed_on,
                            returned_at = COALESCE(EXCLUDED.returned_at, textbook_distribution.returned_at),
                            returned_on = COALESCE(EXCLUDED.returned_on, textbook_distribution.returned_on),
                            lost_at = COALESCE(EXCLUDED.lost_at, textbook_distribution.lost_at),
                            lost_on = COALESCE(EXCLUDED.lost_on, textbook_distribution.lost_on)
                        """,
                d.distributionId(), site, d.textbookTitleId(), blankToNull(d.isbn()), blankToNull(d.title()),
                blankToNull(d.courseCode()), distributedAt, clock.day(distributedAt), returnedAt,
                returnedAt == null ? null : clock.day(returnedAt), lostAt, lostAt == null ? null : clock.day(lostAt));
        sql.deferred(DistributionCounts.class, DistributionCounts::new).touched(site, d.textbookTitleId());
    }
}
