package org.lrms.events.catalog;

import org.lrms.events.EventType;

import java.util.UUID;

@EventType(name = "TitleDeleted")
public record TitleDeleted(UUID titleId) {
}
