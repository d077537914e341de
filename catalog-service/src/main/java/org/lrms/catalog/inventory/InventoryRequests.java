package org.lrms.catalog.inventory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Requests of the inventory API. */
public final class InventoryRequests {

    private InventoryRequests() {
    }

    /** Starts an inventory; without a range, type or location it covers the whole site. */
    public record Start(@NotBlank @Size(max = 20) String siteCode, @Size(max = 100) String callNumberFrom,
                        @Size(max = 100) String callNumberTo, @Size(max = 40) String circulationType,
                        @Size(max = 100) String shelfLocation, Instant skipSeenSince) {
    }

    /** A batch of scanned barcodes, as a scan gun uploads them. */
    public record Scans(@NotEmpty @Size(max = 20000) List<@NotBlank @Size(max = 32) String> barcodes) {
    }
}
