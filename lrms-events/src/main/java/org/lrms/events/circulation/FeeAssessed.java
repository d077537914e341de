package org.lrms.events.circulation;

import org.lrms.events.EventType;

@EventType(name = "FeeAssessed")
public record FeeAssessed(FeeSnapshot fee) {
}
