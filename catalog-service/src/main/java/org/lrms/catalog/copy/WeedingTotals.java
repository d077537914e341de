package org.lrms.catalog.copy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the weeding log's entries for a filter add up to: {@code copies} withdrawn and their {@code totalPrice} (the
 * price each copy had; {@code copiesWithoutPrice} had none and add nothing), overall and per withdrawal reason, per
 * disposal method and per site. The filter is echoed ({@code null}: not filtered by it).
 */
public record WeedingTotals(String siteCode, Instant from, Instant to, String reason, String disposalMethod,
                            long copies, BigDecimal totalPrice, long copiesWithoutPrice, List<Group> byReason,
                            List<Group> byDisposalMethod, List<Group> bySite) {

    /** One reason, disposal method or site: its code, the district list's label (none for a site). */
    public record Group(String code, String label, long copies, BigDecimal totalPrice, long copiesWithoutPrice) {
    }
}
