package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "HoldPlaced")
public record HoldPlaced(HoldSnapshot hold) {
}
