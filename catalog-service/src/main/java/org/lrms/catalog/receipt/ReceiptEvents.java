package org.lrms.catalog.receipt;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.kit.consume.ProcessedEvents;
import org.lrms.kit.problem.ProblemException;

/**
 * Takes acquisitions receipts in: each LIBRARY receipt line becomes copies in processing at the destination site.
 * TEXTBOOK lines belong to the textbook service. A record that cannot be read or carried out (unknown site, no
 * title, a barcode already taken...) goes to {@code acquisitions.receipts.v1.dlt} with the reason.
 */
@ApplicationScoped
public class ReceiptEvents {

    static final String CONSUMER = "catalog-receipts";

    @Inject
    ProcessedEvents processed;

    @Inject
    Receiving receiving;

    @Incoming("receipts")
    @Blocking(ordered = true)
    @Transactional
    public void onReceiptEvent(String value) {
        EventEnvelope envelope = EventJson.read(value);
        if (!"ItemsReceived".equals(envelope.type())) {
            return;
        }
        ItemsReceived received = EventJson.payload(envelope, ItemsReceived.class);
        if (received.receiptId() == null || received.receiptLineId() == null) {
            throw new UnreadableEventException("ItemsReceived without receiptId or receiptLineId");
        }
        if (!ItemsReceived.LIBRARY.equals(received.lineKind()) && !ItemsReceived.TEXTBOOK.equals(received.lineKind())) {
            throw new UnreadableEventException("ItemsReceived line " + received.receiptLineId() + " has line kind "
                    + received.lineKind() + " (LIBRARY or TEXTBOOK expected)");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId()) || ItemsReceived.TEXTBOOK.equals(received.lineKind())) {
            return;
        }
        try {
            receiving.receive(received);
        } catch (ProblemException e) {
            throw new UnreadableEventException("ItemsReceived line " + received.receiptLineId()
                    + " cannot be taken in: " + e.getMessage());
        }
    }
}
