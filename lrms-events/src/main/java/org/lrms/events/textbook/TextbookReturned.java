package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.time.Instant;

/**
 * A distributed textbook copy came back (topic {@code textbook.distributions.v1}, key {@code distributionId}). A
 * copy declared lost that is found and returned is published as returned too: it is then no longer lost.
 *
 * @param returnedAt when it came back
 * @param condition  its condition on return, e.g. {@code GOOD}, {@code DAMAGED}, if assessed
 */
@EventType(name = "TextbookReturned")
public record TextbookReturned(TextbookDistribution distribution, Instant returnedAt, String condition) {
}
