package org.lrms.events.catalog;

import org.lrms.events.EventType;

@EventType(name = "CopyUpdated")
public record CopyUpdated(CopySnapshot copy) {
}
