package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "PatronUpdated")
public record PatronUpdated(PatronSnapshot patron) {
}
