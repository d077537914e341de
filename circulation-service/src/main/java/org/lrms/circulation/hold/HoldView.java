package org.lrms.circulation.hold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record HoldView(UUID id, UUID titleId, UUID copyId, UUID patronId, String pickupSite, String status,
                       int priority, Instant placedAt, UUID assignedCopyId, LocalDate shelfExpiresOn) {

    static HoldView of(Hold h) {
        return new HoldView(h.id, h.titleId, h.copyId, h.patronId, h.pickupSite, h.status, h.priority, h.placedAt,
                h.assignedCopyId, h.shelfExpiresOn);
    }
}
