package org.lrms.events.catalog;

import org.lrms.events.EventType;

/** A copy left the collection (weeding); it stays in the weeding log. */
@EventType(name = "CopyWithdrawn")
public record CopyWithdrawn(CopySnapshot copy, String reason, String disposalMethod, String note) {
}
