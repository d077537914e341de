package org.lrms.events.circulation;

import org.lrms.events.EventType;

/** The hold ended without a loan: not picked up in time, or cancelled ({@code hold.status} says which). */
@EventType(name = "HoldExpired")
public record HoldExpired(HoldSnapshot hold) {
}
