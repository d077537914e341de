package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.time.Instant;

/**
 * A distributed textbook copy was declared lost (topic {@code textbook.distributions.v1}, key
 * {@code distributionId}): it is no longer outstanding, and counts as lost until it is returned. The charge to the
 * patron, if any, is a separate {@link TextbookChargeRequested} on {@code textbook.charges.v1}.
 *
 * @param declaredLostAt when it was declared lost
 */
@EventType(name = "TextbookDeclaredLost")
public record TextbookDeclaredLost(TextbookDistribution distribution, Instant declaredLostAt) {
}
