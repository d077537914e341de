package org.lrms.catalog.loan;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.catalog.copy.CirculationMove;
import org.lrms.catalog.copy.CopyStatus;
import org.lrms.catalog.copy.CopyMoves;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.circulation.CopyArrived;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.kit.consume.EventBatches;
import org.lrms.kit.consume.ProcessedEvents;

import java.util.UUID;

/**
 * Shows loans on copies: checked out when a loan opens; back to the status circulation names when it closes
 * (available, on hold shelf, in transit); lost when circulation declares it lost. Renewals and overdue notices change
 * nothing here. Loans and holds arrive on different topics: an event older than the copy's newest circulation event
 * changes nothing ({@link CirculationMove}).
 */
@ApplicationScoped
public class LoanEvents {

    static final String CONSUMER = "catalog-loans";

    @Inject
    ProcessedEvents processed;

    @Inject
    EventBatches batches;

    @Inject
    CopyMoves moves;

    /** A poll's loan events, in one transaction (at the busiest desks, one commit for many scans). */
    @Incoming("loans")
    @Blocking(ordered = true)
    public void onLoanEvents(ConsumerRecords<String, String> records) {
        batches.apply(records, this::onLoanEvent);
    }

    void onLoanEvent(EventEnvelope envelope) {
        switch (envelope.type()) {
            case "LoanCreated" -> apply(envelope, EventJson.payload(envelope, LoanCreated.class).loan(),
                    CopyStatus.CHECKED_OUT, "checked out", false);
            case "LoanClosed" -> {
                LoanClosed closed = EventJson.payload(envelope, LoanClosed.class);
                CopyStatus next = closed.nextCopyStatus() == null ? CopyStatus.AVAILABLE
                        : CopyStatus.parse(closed.nextCopyStatus()).orElseThrow(() -> new UnreadableEventException(
                        "LoanClosed has an unknown nextCopyStatus " + closed.nextCopyStatus()));
                apply(envelope, closed.loan(), next, "checked in", true);
            }
            case "LoanDeclaredLost" -> apply(envelope, EventJson.payload(envelope, LoanDeclaredLost.class).loan(),
                    CopyStatus.LOST, "declared lost", false);
            case "CopyArrived" -> {
                CopyArrived arrived = EventJson.payload(envelope, CopyArrived.class);
                CopyStatus next = CopyStatus.parse(arrived.nextCopyStatus()).orElseThrow(() ->
                        new UnreadableEventException("CopyArrived has an unknown nextCopyStatus "
                                + arrived.nextCopyStatus()));
                apply(envelope, arrived.copyId(), arrived.itemBarcode(), next, "arrived at " + arrived.arrivedAtSite(),
                        false);
            }
            default -> {
                // renewals and overdue notices leave the copy as it is
            }
        }
    }

    private void apply(EventEnvelope envelope, LoanSnapshot loan, CopyStatus next, String reason, boolean checkIn) {
        if (loan == null) {
            throw new UnreadableEventException(envelope.type() + " names no copy");
        }
        apply(envelope, loan.copyId(), loan.itemBarcode(), next, reason, checkIn);
    }

    /** A check-in ({@code LoanClosed}) is also a sighting: the copy was at the desk when the event occurred. */
    private void apply(EventEnvelope envelope, UUID copyId, String barcode, CopyStatus next, String reason,
                       boolean checkIn) {
        if (copyId == null && barcode == null) {
            throw new UnreadableEventException(envelope.type() + " names no copy");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        // locked: the loan and hold consumers may move the same copy at once
        CopyMoves.LockedCopy copy = moves.lock(copyId, barcode).orElseThrow(() -> new UnreadableEventException(
                envelope.type() + " names copy " + copyId + " that the catalog does not hold"));
        moves.apply(copy, CirculationMove.loan(copy.state(), envelope.occurredAt(), next, reason),
                checkIn ? envelope.occurredAt() : null);
    }
}
