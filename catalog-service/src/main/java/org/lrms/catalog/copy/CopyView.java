package org.lrms.catalog.copy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A copy as staff see it. {@code status} is upper-case: AVAILABLE, CHECKED_OUT, ON_HOLD_SHELF, IN_TRANSIT... */
public record CopyView(UUID id, String barcode, UUID titleId, String title, String siteCode, String status,
                       String destinationSiteCode, String callNumber, String shelfLocation, BigDecimal price,
                       LocalDate acquiredOn, String fundingSource, String condition, List<String> categories,
                       String circulationType, Instant lastSeenAt, Instant createdAt, Instant updatedAt,
                       int version) {

    public static CopyView of(Copy c) {
        return of(c, c.title.title);
    }

    /** The copy with its title's name read alongside it ({@link Copy#viewByBarcode}): its title is not loaded. */
    public static CopyView of(Copy c, String titleName) {
        return new CopyView(c.id, c.barcode, c.title.id, titleName, c.siteCode, c.status.name(),
                c.destinationSite, c.callNumber, c.shelfLocation, c.price, c.acquiredOn, c.fundingSource,
                c.condition, List.copyOf(c.categories), c.circulationType, c.lastSeenAt, c.createdAt, c.updatedAt,
                c.version);
    }
}
