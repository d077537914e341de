package org.lrms.events.catalog;

import org.lrms.events.EventType;

/** A copy's status moved, e.g. available to missing at the end of an inventory. */
@EventType(name = "CopyStatusChanged")
public record CopyStatusChanged(CopySnapshot copy, String previousStatus, String reason) {
}
