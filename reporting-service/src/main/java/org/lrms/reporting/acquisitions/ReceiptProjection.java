package org.lrms.reporting.acquisitions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.events.acquisitions.OrderedTitle;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;
import org.lrms.reporting.site.SiteDirectory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Receipt lines from acquisitions.receipts.v1: one row per {@code receiptLineId}, taken in once (the same line
 * published again, under another event id, changes nothing). Spending is what was received: quantity times unit
 * price, exact, in the line's currency.
 */
@ApplicationScoped
public class ReceiptProjection implements Projection {

    static final String UNKNOWN = "UNKNOWN";

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.ACQUISITIONS_RECEIPTS;
    }

    @Override
    public List<String> tables() {
        return List.of("receipt_line");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"ItemsReceived".equals(event.type())) {
            return false;
        }
        ItemsReceived line = EventJson.payload(event, ItemsReceived.class);
        Projection.require(line.receiptId(), event, "receiptId");
        Projection.require(line.receiptLineId(), event, "receiptLineId");
        String site = site(event, line);
        String kind = Projection.require(line.lineKind(), event, "lineKind").strip().toUpperCase(Locale.ROOT);
        if (!ItemsReceived.LIBRARY.equals(kind) && !ItemsReceived.TEXTBOOK.equals(kind)) {
            throw refused(event, line, "line kind " + line.lineKind() + " (LIBRARY or TEXTBOOK expected)");
        }
        if (line.quantity() < 1) {
            throw refused(event, line, "quantity " + line.quantity() + " (at least 1)");
        }
        BigDecimal price = Projection.require(line.unitPrice(), event, "unitPrice");
        if (price.signum() < 0) {
            throw refused(event, line, "unit price " + price + " is negative");
        }
        String currency = Projection.require(line.currency(), event, "currency").strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw refused(event, line, "currency " + line.currency() + " (ISO 4217 expected)");
        }
        Projection.require(line.receivedOn(), event, "receivedOn");
        OrderedTitle title = line.title();
        sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        sql.add("""
                        INSERT INTO receipt_line (receipt_line_id, receipt_id, order_id, order_line_id, site_code,
                            vendor, fund_code, line_kind, material_type, title_id, quantity, unit_price, currency,
                            amount, received_on)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        ON CONFLICT (receipt_line_id) DO NOTHING
                        """,
                line.receiptLineId(),
                line.receiptId(),
                line.orderId(),
                line.orderLineId(),
                site,
                named(line.vendor()),
                named(line.fundCode()),
                kind,
                title == null || title.materialType() == null || title.materialType().isBlank() ? "BOOK"
                        : code(title.materialType()),
                title == null ? null : title.titleId(),
                line.quantity(),
                price,
                currency,
                price.multiply(BigDecimal.valueOf(line.quantity())),
                line.receivedOn());
        return true;
    }

    private static String site(EventEnvelope event, ItemsReceived line) {
        String site = line.siteCode() != null ? line.siteCode() : event.siteCode();
        String code = Projection.require(site, event, "siteCode").strip().toUpperCase(Locale.ROOT);
        if (!SiteDirectory.isSiteCode(code)) {
            throw refused(event, line, "site code " + site);
        }
        return code;
    }

    private static String named(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.strip();
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.strip().toUpperCase(Locale.ROOT);
    }

    private static UnreadableEventException refused(EventEnvelope event, ItemsReceived line, String why) {
        return new UnreadableEventException("ItemsReceived " + event.eventId() + " (receipt line "
                + line.receiptLineId() + ") has " + why);
    }
}
