package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * A copy in transit was scanned at a desk and no loan or hold took it there: it is back on its home site's shelf
 * ({@code AVAILABLE}), or it travels on ({@code IN_TRANSIT}, to its home site). A copy that reaches a hold's pickup
 * site is told by that hold's {@code HoldFilled} instead. Key: the copy id.
 *
 * @param homeSite      the copy's own site
 * @param arrivedAtSite the site of the desk that scanned it
 */
@EventType(name = "CopyArrived")
public record CopyArrived(UUID copyId, String itemBarcode, String homeSite, String arrivedAtSite,
                          String nextCopyStatus, Instant arrivedAt) {
}
