package org.lrms.circulation.loan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A check-out at a desk. {@code overrideReason}, given by a supervisor, lets an overridable refusal (limit reached,
 * patron blocked, fees owed, on hold for someone else) through; it is audited, stripped, so it must hold at least 3
 * characters that are not blank (three spaces would be audited as an empty reason).
 */
public record CheckoutRequest(@NotBlank String siteCode, @NotBlank @Size(max = 40) String patronBarcode,
                              @NotBlank @Size(max = 40) String itemBarcode,
                              @Size(min = 3, max = 500)
                              @Pattern(regexp = "(?U)(?s)(\\s*\\S){3}.*",
                                      message = "must have at least 3 characters that are not blank")
                              String overrideReason) {
}
