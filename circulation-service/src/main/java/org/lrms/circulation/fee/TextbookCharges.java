package org.lrms.circulation.fee;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.textbook.TextbookChargeCancelled;
import org.lrms.events.textbook.TextbookChargeRequested;
import org.lrms.kit.consume.ProcessedEvents;

import java.math.BigDecimal;

/**
 * Books the textbook service's charges ({@code textbook.charges.v1}) into the patron's fee ledger as fees of kind
 * TEXTBOOK: one fee per charge id, however often the charge arrives; a cancelled charge is waived and refunded.
 * Records that cannot be booked (unreadable, unknown patron or site, bad amount) go to the dead-letter topic.
 */
@ApplicationScoped
public class TextbookCharges {

    static final String CONSUMER = "circulation-textbook-charges";
    static final String KIND = "TEXTBOOK";

    @Inject
    ProcessedEvents processed;

    @Inject
    FeeLedger ledger;

    @Incoming("textbook-charges")
    @Blocking(ordered = true)
    @ActivateRequestContext
    @Transactional
    public void onChargeEvent(String json) {
        EventEnvelope envelope = EventJson.read(json);
        switch (envelope.type()) {
            case "TextbookChargeRequested" -> requested(envelope,
                    EventJson.payload(envelope, TextbookChargeRequested.class));
            case "TextbookChargeCancelled" -> cancelled(envelope,
                    EventJson.payload(envelope, TextbookChargeCancelled.class));
            default -> {
                // a charge event circulation does not need
            }
        }
    }

    private void requested(EventEnvelope envelope, TextbookChargeRequested charge) {
        if (charge.chargeId() == null || charge.patronId() == null || charge.amount() == null) {
            throw new UnreadableEventException("TextbookChargeRequested without chargeId, patronId or amount");
        }
        BigDecimal amount = charge.amount();
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(new BigDecimal("100000")) >= 0) {
            throw new UnreadableEventException("charge " + charge.chargeId()
                    + ": amount must be positive, below 100000, with at most 2 decimal places");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        if (Fee.count("chargeId", charge.chargeId()) > 0) {
            return; // the same charge sent again under another event id
        }
        Patron patron = Patron.findById(charge.patronId(), LockModeType.PESSIMISTIC_WRITE);
        if (patron == null) {
            throw new UnreadableEventException("charge " + charge.chargeId() + ": no patron has the given patronId");
        }
        String site = charge.siteCode() == null || charge.siteCode().isBlank() ? patron.homeSite
                : SiteService.normalize(charge.siteCode());
        if (Site.findById(site) == null) {
            throw new UnreadableEventException("charge " + charge.chargeId() + ": no site " + site);
        }
        Fee fee = ledger.assess(patron, site, KIND, amount, null, null, note(charge));
        fee.chargeId = charge.chargeId();
    }

    private void cancelled(EventEnvelope envelope, TextbookChargeCancelled cancel) {
        if (cancel.chargeId() == null) {
            throw new UnreadableEventException("TextbookChargeCancelled without chargeId");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        Fee fee = Fee.<Fee>find("chargeId", cancel.chargeId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (fee == null) {
            throw new UnreadableEventException("cancelled charge " + cancel.chargeId() + " was never booked");
        }
        String reason = cancel.reason() == null || cancel.reason().isBlank() ? "textbook charge cancelled"
                : "textbook charge cancelled: " + cancel.reason().strip();
        ledger.cancelCharge(fee, clip(reason, 500));
    }

    /** What staff see on the fee: kind, textbook, copy and reason (the textbook service's words). */
    static String note(TextbookChargeRequested c) {
        StringBuilder note = new StringBuilder(c.kind() == null ? "TEXTBOOK" : c.kind().strip());
        note.append(" textbook");
        if (c.textbookTitle() != null) {
            note.append(" \"").append(c.textbookTitle().strip()).append('"');
        }
        if (c.isbn() != null) {
            note.append(" ISBN ").append(c.isbn().strip());
        }
        if (c.copyBarcode() != null) {
            note.append(", copy ").append(c.copyBarcode().strip());
        }
        if (c.reason() != null && !c.reason().isBlank()) {
            note.append(": ").append(c.reason().strip());
        }
        return clip(note.toString(), 500);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
