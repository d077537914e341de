package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "PatronCreated")
public record PatronCreated(PatronSnapshot patron) {
}
