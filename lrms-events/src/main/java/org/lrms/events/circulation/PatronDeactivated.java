package org.lrms.events.circulation;

import org.lrms.events.EventType;

/** A patron left (inactive or graduated), e.g. missing from a full roster export. Patrons are never deleted. */
@EventType(name = "PatronDeactivated")
public record PatronDeactivated(PatronSnapshot patron, String reason) {
}
