package org.lrms.circulation.loan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A check-out at a desk. {@code overrideReason}, given by a supervisor, lets an overridable refusal (limit reached,
 * patron blocked, fees owed, on hold for someone else) through; it is audited.
 */
public record CheckoutRequest(@NotBlank String siteCode, @NotBlank @Size(max = 40) String patronBarcode,
                              @NotBlank @Size(max = 40) String itemBarcode,
                              @Size(min = 3, max = 500) String overrideReason) {
}
