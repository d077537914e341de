package org.lrms.catalog.copy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A copy to add; without a barcode, the next one of the site's barcode range is given. */
public record CopyRequest(
        @NotBlank @Size(max = 20) String siteCode,
        @Pattern(regexp = CopyRequest.BARCODE, message = "1 to 32 letters, digits, '-' or '.'") String barcode,
        @Size(max = 100) String callNumber,
        @Size(max = 100) String shelfLocation,
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price,
        LocalDate acquiredOn,
        @Size(max = 100) String fundingSource,
        @Size(max = 40) String condition,
        @Size(max = 20) List<@NotBlank String> categories,
        @Size(max = 40) String circulationType,
        String status) {

    /** Barcodes print in Code 39 and Code 128, so: letters, digits, '-' and '.'. */
    public static final String BARCODE = "[A-Za-z0-9.\\-]{1,32}";
}
