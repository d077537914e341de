package org.lrms.events.circulation;

import org.lrms.events.EventType;

/** A copy was set aside for the hold: on the pickup site's hold shelf, or in transit to it. */
@EventType(name = "HoldFilled")
public record HoldFilled(HoldSnapshot hold, String itemBarcode, String copySite) {
}
