package org.lrms.events.catalog;

import org.lrms.events.EventType;

@EventType(name = "TitleCreated")
public record TitleCreated(TitleSnapshot title) {
}
