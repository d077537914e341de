package org.lrms.events.circulation;

import org.lrms.events.EventType;

/**
 * The copy set aside for the hold ({@code itemBarcode}) was lent to another patron by a supervisor's override: the
 * hold waits again ({@code hold.status} WAITING), in its place in the queue, for the next copy returned.
 */
@EventType(name = "HoldReturnedToQueue")
public record HoldReturnedToQueue(HoldSnapshot hold, String itemBarcode) {
}
