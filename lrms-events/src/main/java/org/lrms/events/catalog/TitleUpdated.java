package org.lrms.events.catalog;

import org.lrms.events.EventType;

@EventType(name = "TitleUpdated")
public record TitleUpdated(TitleSnapshot title) {
}
