package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.textbook.TextbookStockCounted;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.util.List;

import static org.lrms.reporting.textbook.RosterProjection.blankToNull;

/** Each site's latest counts of each textbook title from textbook.stock.v1; an older count changes nothing. */
@ApplicationScoped
public class StockProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.TEXTBOOK_STOCK;
    }

    @Override
    public List<String> tables() {
        return List.of("textbook_stock");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"TextbookStockCounted".equals(event.type())) {
            return false;
        }
        TextbookStockCounted s = EventJson.payload(event, TextbookStockCounted.class);
        String site = RosterProjection.site(event, s.siteCode());
        Projection.require(s.textbookTitleId(), event, "textbookTitleId");
        Projection.require(s.countedAt(), event, "countedAt");
        if (s.copies() < 0 || s.available() < 0 || s.distributed() < 0 || s.lost() < 0 || s.damaged() < 0) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has a negative count");
        }
        sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        sql.add("""
                        INSERT INTO textbook_stock (site_code, textbook_title_id, isbn, title, copies, available,
                            distributed, lost, damaged, counted_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (site_code, textbook_title_id) DO UPDATE SET isbn = EXCLUDED.isbn,
                            title = EXCLUDED.title, copies = EXCLUDED.copies, available = EXCLUDED.available,
                            distributed = EXCLUDED.distributed, lost = EXCLUDED.lost, damaged = EXCLUDED.damaged,
                            counted_at = EXCLUDED.counted_at
                        WHERE textbook_stock.counted_at <= EXCLUDED.counted_at
                        """,
                site, s.textbookTitleId(), blankToNull(s.isbn()), blankToNull(s.title()), s.copies(), s.available(),
                s.distributed(), s.lost(), s.damaged(), s.countedAt());
        return true;
    }
}
