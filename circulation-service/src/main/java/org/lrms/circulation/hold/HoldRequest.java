package org.lrms.circulation.hold;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.util.UUID;

/** A hold: on a title ({@code titleId}) or on one copy ({@code itemBarcode}), picked up at {@code pickupSite}. */
public record HoldRequest(@NotBlank String patronBarcode, UUID titleId, String itemBarcode,
                          @NotBlank String pickupSite, @Min(0) @Max(9) Integer priority) {
}
