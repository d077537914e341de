package org.lrms.circulation.copy;

import java.math.BigDecimal;
import java.util.UUID;

/** A copy as the desk sees it: the catalog's data and circulation's state. */
public record CopyView(UUID id, String barcode, UUID titleId, String title, String siteCode, String catalogStatus,
                       String circulationState, String inTransitTo, String circulationType, String materialType,
                       BigDecimal price, String callNumber, String shelfLocation) {

    static CopyView of(Copy c) {
        return new CopyView(c.id, c.barcode, c.titleId, c.title, c.siteCode, c.catalogStatus, c.circulationState,
                c.inTransitTo, c.circulationType, c.materialType, c.price, c.callNumber, c.shelfLocation);
    }
}
