package org.lrms.catalog.copy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record WeedingLogView(UUID copyId, String barcode, UUID titleId, String title, String siteCode,
                             String callNumber, BigDecimal price, String previousStatus, String reason,
                             String disposalMethod, String note, String withdrawnBy, Instant withdrawnAt) {

    static WeedingLogView of(WeedingLogEntry e) {
        return new WeedingLogView(e.copyId, e.barcode, e.titleId, e.title, e.siteCode, e.callNumber, e.price,
                e.previousStatus, e.reason, e.disposalMethod, e.note, e.withdrawnBy, e.withdrawnAt);
    }
}
