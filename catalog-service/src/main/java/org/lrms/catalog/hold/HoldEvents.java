package org.lrms.catalog.hold;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.catalog.copy.CirculationMove;
import org.lrms.catalog.copy.CopyMoves;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.HoldExpired;
import org.lrms.events.circulation.HoldFilled;
import org.lrms.events.circulation.HoldSnapshot;
import org.lrms.kit.consume.EventBatches;
import org.lrms.kit.consume.ProcessedEvents;

import java.util.Locale;

/**
 * Shows holds on copies: a copy set aside for a hold is on the pickup site's hold shelf or in transit to it; when the
 * hold expires or is cancelled, a copy still set aside for it goes back. Placing a hold changes no copy. Events older
 * than the copy's newest circulation event, or about a hold the copy is no longer set aside for, change nothing
 * ({@link CirculationMove}).
 */
@ApplicationScoped
public class HoldEvents {

    static final String CONSUMER = "catalog-holds";

    @Inject
    ProcessedEvents processed;

    @Inject
    EventBatches batches;

    @Inject
    CopyMoves moves;

    /** A poll's hold events, in one transaction. */
    @Incoming("holds")
    @Blocking(ordered = true)
    public void onHoldEvents(ConsumerRecords<String, String> records) {
        batches.apply(records, this::onHoldEvent);
    }

    void onHoldEvent(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "HoldFilled" -> filled(envelope, EventJson.payload(envelope, HoldFilled.class));
            case "HoldExpired" -> ended(envelope, EventJson.payload(envelope, HoldExpired.class).hold());
            default -> {
                // HoldPlaced: the hold waits; no copy is set aside yet
            }
        }
    }

    private void filled(EventEnvelope envelope, HoldFilled event) {
        HoldSnapshot hold = event.hold();
        if (hold == null || hold.holdId() == null || event.itemBarcode() == null || event.itemBarcode().isBlank()
                || hold.pickupSite() == null) {
            throw new UnreadableEventException("HoldFilled without hold id, pickup site or item barcode");
        }
        boolean onShelf = "ON_SHELF".equals(hold.status());
        if (!onShelf && !"IN_TRANSIT".equals(hold.status())) {
            throw new UnreadableEventException("HoldFilled with hold status " + hold.status()
                    + " (ON_SHELF or IN_TRANSIT expected)");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        CopyMoves.LockedCopy copy = moves.lock(null, event.itemBarcode().strip()).orElseThrow(() ->
                new UnreadableEventException("HoldFilled names item " + event.itemBarcode()
                        + " that the catalog does not hold"));
        moves.apply(copy, CirculationMove.holdFilled(copy.state(), envelope.occurredAt(), hold.holdId(), onShelf,
                site(hold.pickupSite())));
    }

    private void ended(EventEnvelope envelope, HoldSnapshot hold) {
        if (hold == null || hold.holdId() == null) {
            throw new UnreadableEventException("HoldExpired without a hold id");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        String why = "CANCELLED".equals(hold.status()) ? "cancelled" : "expired";
        // a hold that never had a copy set aside (still waiting), or whose copy has moved on, concerns no copy
        moves.lockSetAsideFor(hold.holdId()).ifPresent(copy -> moves.apply(copy, CirculationMove.holdEnded(
                copy.state(), envelope.occurredAt(), hold.holdId(),
                hold.pickupSite() == null ? null : site(hold.pickupSite()), why)));
    }

    private static String site(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
