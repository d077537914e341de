package org.lrms.catalog.label;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Which copies to label, one way at a time: a list of barcodes; or, at a site, a barcode range, a copy category or
 * the copies added since a date. {@code kind} BARCODE or SPINE; {@code layout} AVERY_5160 or AVERY_5161;
 * {@code symbology} CODE128 or CODE39; {@code skip} labels already used on the first sheet.
 */
public record LabelRequest(
        @Size(max = 3000) List<@Size(min = 1, max = 32) String> barcodes,
        @Size(max = 20) String siteCode,
        @Size(max = 32) String barcodeFrom,
        @Size(max = 32) String barcodeTo,
        @Size(max = 40) String category,
        LocalDate addedSince,
        String kind,
        String layout,
        String symbology,
        @Min(0) @Max(29) Integer skip) {
}
