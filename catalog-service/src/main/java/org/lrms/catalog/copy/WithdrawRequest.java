package org.lrms.catalog.copy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Takes copies out of the collection with a reason and a disposal method from the district's lists. {@code barcodes}
 * is for a batch ({@code POST /api/v1/copies/withdrawals}); one copy's withdraw takes the barcode from the path.
 */
public record WithdrawRequest(
        @NotBlank String reason,
        @NotBlank String disposalMethod,
        @Size(max = 1000) String note,
        @Size(max = 5000) List<@NotBlank String> barcodes) {
}
