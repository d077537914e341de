package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.util.UUID;

/**
 * A settled fee lost its patron (circulation's finance retention, the privacy policy's {@code keepSettledFeesDays}).
 * Consumers drop the patron-level data they keep for this fee ({@code patronKey}) and keep its amounts for
 * statistics. Topic {@code circulation.fees.v1}, key {@code feeId}.
 */
@EventType(name = "FeeDetached")
public record FeeDetached(UUID feeId, String siteCode) {
}
