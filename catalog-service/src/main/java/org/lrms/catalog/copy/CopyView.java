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

    /** The copy as an entity shows it; a barcode lookup reads the same view in one statement ({@link CopyLookup}). */
    public static CopyView of(Copy c) {
        return new CopyView(c.id, c.barcode, c.title.id, c.title.title, c.siteCode, c.status.name(),
                c.destinationSite, c.callNumber, c.shelfLocation, c.price, c.acquiredOn, c.fundingSource,
                c.condition, List.copyOf(c.categories), c.circulationType, c.lastSeenAt, c.createdAt, c.updatedAt,
                c.version);
    }
}
