package org.lrms.circulation.loan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CheckinRequest(@NotBlank String siteCode, @NotBlank @Size(max = 40) String itemBarcode) {
}
