package org.lrms.circulation.copy;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.kit.consume.ProcessedEvents;

import java.math.RoundingMode;
import java.util.Locale;

/** Keeps the local copy replica from the catalog's copy events, so the desk never calls the catalog. */
@ApplicationScoped
public class CatalogCopyEvents {

    private static final Logger LOG = Logger.getLogger(CatalogCopyEvents.class);
    static final String CONSUMER = "circulation-copy-replica";

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    @Incoming("catalog-copies")
    @Blocking(ordered = true)
    @Transactional
    public void onCopyEvent(String json) {
        EventEnvelope envelope = EventJson.read(json);
        CopySnapshot snapshot;
        boolean withdrawn = false;
        switch (envelope.type()) {
            case "CopyAdded" -> snapshot = EventJson.payload(envelope, CopyAdded.class).copy();
            case "CopyUpdated" -> snapshot = EventJson.payload(envelope, CopyUpdated.class).copy();
            case "CopyStatusChanged" -> {
                CopyStatusChanged changed = EventJson.payload(envelope, CopyStatusChanged.class);
                snapshot = changed.copy();
                if (snapshot != null && Copy.isCirculationEcho(changed.previousStatus(), snapshot.status())) {
                    // the catalog showing our own check-out or check-in: every desk transaction would otherwise
                    // cost this service a second transaction for nothing
                    return;
                }
            }
            case "CopyWithdrawn" -> {
                snapshot = EventJson.payload(envelope, CopyWithdrawn.class).copy();
                withdrawn = true;
            }
            default -> {
                return; // a copy event this service does not need
            }
        }
        if (snapshot == null || snapshot.copyId() == null || snapshot.barcode() == null
                || snapshot.siteCode() == null) {
            throw new UnreadableEventException(envelope.type() + " without copy id, barcode or site");
        }
        if (!processed.firstTime(CONSUMER, envelope.eventId())) {
            return;
        }
        Copy copy = Copy.findById(snapshot.copyId());
        if (copy != null && copy.catalogUpdatedAt.isAfter(envelope.occurredAt())) {
            return; // an older state than the one we hold
        }
        freeBarcode(snapshot);
        if (copy == null) {
            copy = new Copy();
            copy.id = snapshot.copyId();
        }
        copy.barcode = snapshot.barcode().strip();
        copy.titleId = snapshot.titleId();
        copy.title = snapshot.title();
        copy.siteCode = snapshot.siteCode().toUpperCase(Locale.ROOT);
        copy.catalogStatus = snapshot.status() == null ? Copy.AVAILABLE : snapshot.status().toUpperCase(Locale.ROOT);
        copy.circulationType = upper(snapshot.circulationType());
        copy.materialType = upper(snapshot.materialType());
        copy.deweyNumber = snapshot.deweyNumber();
        copy.callNumber = blankToNull(snapshot.callNumber());
        copy.shelfLocation = blankToNull(snapshot.shelfLocation());
        copy.shelfKey = blankToNull(snapshot.shelfKey());
        copy.price = snapshot.price() == null ? null : snapshot.price().setScale(2, RoundingMode.HALF_UP);
        copy.withdrawn = withdrawn || "WITHDRAWN".equals(copy.catalogStatus);
        copy.catalogUpdatedAt = envelope.occurredAt();
        copy.persist();
        LOG.debugf("copy %s replicated from %s", copy.id, envelope.type());
    }

    /** A withdrawn copy's barcode may be given to a new copy: the old replica row lets go of it. */
    private void freeBarcode(CopySnapshot snapshot) {
        Copy holder = Copy.findByBarcode(snapshot.barcode().strip());
        if (holder != null && !holder.id.equals(snapshot.copyId())) {
            if (!holder.withdrawn) {
                throw new UnreadableEventException("barcode of copy " + snapshot.copyId()
                        + " is held by another copy still in circulation");
            }
            holder.barcode = holder.barcode + "~" + holder.id;
            em.flush();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
