package org.lrms.events.textbook;

import org.lrms.events.EventType;

/**
 * A textbook copy was handed out to a student (topic {@code textbook.distributions.v1}, key
 * {@code distributionId}, envelope {@code siteCode} the distribution's site). It is outstanding until it is
 * returned or declared lost.
 */
@EventType(name = "TextbookDistributed")
public record TextbookDistributed(TextbookDistribution distribution) {
}
