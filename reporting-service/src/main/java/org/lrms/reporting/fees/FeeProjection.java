package org.lrms.reporting.fees;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeDetached;
import org.lrms.events.circulation.FeeRefunded;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;
import org.lrms.reporting.site.SiteDirectory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Fines and fees from circulation.fees.v1: each fee's balance, and the day's amounts assessed, paid, waived and
 * refunded at the fee's site; payments and refunds also by the desk that took or handed back the money
 * ({@code deskSite}; the fee's site when the event names none, as circulation's ledger counts them), payments by
 * their method too (unknown when the event names none).
 */
@ApplicationScoped
public class FeeProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    ReportingClock clock;

    @Override
    public String topic() {
        return Topics.CIRCULATION_FEES;
    }

    @Override
    public List<String> tables() {
        return List.of("fee", "fee_day", "fee_desk_day");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "FeeAssessed" -> {
                FeeSnapshot fee = fee(event, EventJson.payload(event, FeeAssessed.class).fee());
                upsert(event, fee);
                move(event, fee, "ASSESSED", Projection.require(fee.amount(), event, "fee.amount"));
            }
            case "FeePaid" -> {
                FeePaid paid = EventJson.payload(event, FeePaid.class);
                FeeSnapshot fee = fee(event, paid.fee());
                BigDecimal amount = Projection.require(paid.paid(), event, "paid");
                String desk = desk(event, fee, paid.deskSite());
                String method = method(event, paid.method());
                upsert(event, fee);
                move(event, fee, "PAID", amount);
                atDesk(event, fee, desk, "PAID", method, amount);
            }
            case "FeeWaived" -> {
                FeeWaived waived = EventJson.payload(event, FeeWaived.class);
                FeeSnapshot fee = fee(event, waived.fee());
                upsert(event, fee);
                move(event, fee, "WAIVED", Projection.require(waived.waived(), event, "waived"));
            }
            case "FeeRefunded" -> {
                FeeRefunded refunded = EventJson.payload(event, FeeRefunded.class);
                FeeSnapshot fee = fee(event, refunded.fee());
                BigDecimal amount = Projection.require(refunded.refunded(), event, "refunded");
                String desk = desk(event, fee, refunded.deskSite());
                upsert(event, fee);
                move(event, fee, "REFUNDED", amount);
                atDesk(event, fee, desk, "REFUNDED", null, amount);
            }
            case "FeeDetached" -> {
                // circulation's finance retention dropped the patron link: the fee keeps its amounts, not whose it was
                FeeDetached detached = EventJson.payload(event, FeeDetached.class);
                Projection.require(detached.feeId(), event, "feeId");
                sql.add("UPDATE fee SET patron_key = NULL WHERE fee_id = ?1", detached.feeId());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static FeeSnapshot fee(EventEnvelope event, FeeSnapshot fee) {
        Projection.require(fee, event, "fee");
        Projection.require(fee.feeId(), event, "fee.feeId");
        Projection.require(fee.siteCode() != null ? fee.siteCode() : event.siteCode(), event, "fee.siteCode");
        return fee;
    }

    private static String site(EventEnvelope event, FeeSnapshot fee) {
        return (fee.siteCode() != null ? fee.siteCode() : event.siteCode()).toUpperCase(Locale.ROOT);
    }

    private static String kind(FeeSnapshot fee) {
        return fee.kind() == null ? "OTHER" : fee.kind().toUpperCase(Locale.ROOT);
    }

    private void upsert(EventEnvelope event, FeeSnapshot fee) {
        BigDecimal amount = fee.amount() != null ? fee.amount() : BigDecimal.ZERO;
        sql.add("""
                        INSERT INTO fee (fee_id, site_code, kind, patron_key, patron_type, patron_grade, amount,
                                         balance, status)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (fee_id) DO UPDATE SET amount = EXCLUDED.amount, balance = EXCLUDED.balance,
                            status = EXCLUDED.status
                        """,
                fee.feeId(),
                site(event, fee),
                kind(fee),
                fee.patronKey(),
                fee.patronType(),
                fee.patronGrade(),
                amount,
                fee.balance() != null ? fee.balance() : amount,
                fee.status() == null ? "OPEN" : fee.status().toUpperCase(Locale.ROOT));
    }

    private void move(EventEnvelope event, FeeSnapshot fee, String action, BigDecimal amount) {
        sql.add("""
                        INSERT INTO fee_day (day, site_code, kind, action, events, amount)
                        VALUES (?1, ?2, ?3, ?4, 1, ?5)
                        ON CONFLICT (day, site_code, kind, action)
                        DO UPDATE SET events = fee_day.events + 1, amount = fee_day.amount + EXCLUDED.amount
                        """,
                clock.day(event.occurredAt()),
                site(event, fee),
                kind(fee),
                action,
                amount);
    }

    /**
     * The site of the desk that took or handed back the money: {@code deskSite}, or the fee's site when the event
     * names none (written before circulation recorded desks, a district admin who named no desk, a refund at a desk
     * circulation does not know). A desk site that is not a site code makes the event unreadable.
     */
    private static String desk(EventEnvelope event, FeeSnapshot fee, String deskSite) {
        if (deskSite == null || deskSite.isBlank()) {
            return site(event, fee);
        }
        String desk = deskSite.strip().toUpperCase(Locale.ROOT);
        if (!SiteDirectory.isSiteCode(desk)) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has desk site " + deskSite);
        }
        return desk;
    }

    /**
     * How a payment was made: {@code method} upper-case ({@code CASH}, {@code CHECK}, {@code CARD}, {@code ONLINE}; a
     * method circulation adds later keeps its own name), or null, unknown, when the event names none (written before
     * circulation recorded it). A method that is not a word makes the event unreadable: it is not guessed.
     */
    private static String method(EventEnvelope event, String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        String named = method.strip().toUpperCase(Locale.ROOT);
        if (!named.matches("[A-Z][A-Z0-9_]{0,19}")) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has method "
                    + (method.length() > 40 ? method.substring(0, 40) + "..." : method));
        }
        return named;
    }

    /**
     * The day's money at a desk, per fee's site (what a desk took for another site's fees shows as such) and per
     * payment method (null: unknown, or a refund).
     */
    private void atDesk(EventEnvelope event, FeeSnapshot fee, String desk, String action, String method,
                        BigDecimal amount) {
        String feeSite = site(event, fee);
        if (!desk.equals(feeSite)) {
            sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", desk);
        }
        sql.add("""
                        INSERT INTO fee_desk_day (desk_site, day, fee_site, action, method, events, amount)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), 1, ?6)
                        ON CONFLICT (desk_site, day, fee_site, action, method)
                        DO UPDATE SET events = fee_desk_day.events + 1, amount = fee_desk_day.amount + EXCLUDED.amount
                        """,
                desk,
                clock.day(event.occurredAt()),
                feeSite,
                action,
                method,
                amount);
    }
}
