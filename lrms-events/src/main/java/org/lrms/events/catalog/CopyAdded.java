package org.lrms.events.catalog;

import org.lrms.events.EventType;

@EventType(name = "CopyAdded")
public record CopyAdded(CopySnapshot copy) {
}
