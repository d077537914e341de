package org.lrms.catalog.copy;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Changes to a copy's local data; a field left out (null) keeps its value. */
public record CopyChange(
        @Size(max = 100) String callNumber,
        @Size(max = 100) String shelfLocation,
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal price,
        LocalDate acquiredOn,
        @Size(max = 100) String fundingSource,
        @Size(max = 40) String condition,
        @Size(max = 20) List<String> categories,
        @Size(max = 40) String circulationType,
        String status) {
}
