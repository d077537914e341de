package org.lrms.events.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know of a copy (physical item), carried in every copy event, so that circulation's
 * replica and reporting's projections never call the catalog. {@code shelfKey} is the catalog's shelf-order key of
 * the call number (it sorts as the shelf does: Dewey and LC numbers as numbers, prefixes kept together); absent in
 * events written before it existed.
 */
public record CopySnapshot(UUID copyId, String barcode, UUID titleId, String title, String author, String siteCode,
                           String status, String circulationType, String materialType, String deweyNumber,
                           String callNumber, String shelfLocation, BigDecimal price, LocalDate acquiredOn,
                           String fundingSource, String condition, List<String> categories,
                           Integer publicationYear, String shelfKey) {
}
