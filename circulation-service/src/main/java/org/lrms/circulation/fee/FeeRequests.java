package org.lrms.circulation.fee;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Requests of the fee ledger: money as exact decimals with at most two places. */
public final class FeeRequests {

    private FeeRequests() {
    }

    /** A charge staff add by hand (damage, processing...). */
    public record Charge(@NotBlank String siteCode,
                         @NotBlank @Pattern(regexp = "(?i)DAMAGED|PROCESSING|OTHER",
                                 message = "must be DAMAGED, PROCESSING or OTHER") String kind,
                         @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
                         @Digits(integer = 6, fraction = 2) BigDecimal amount,
                         @Size(max = 500) String note) {
    }

    /** A payment: to the named fee, or to the oldest open fees first. */
    public record Payment(@NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
                          @Digits(integer = 6, fraction = 2) BigDecimal amount,
                          @NotBlank @Pattern(regexp = "(?i)CASH|CHECK|CARD|ONLINE",
                                  message = "must be CASH, CHECK, CARD or ONLINE") String method,
                          UUID feeId) {
    }

    /** A waiver of part (amount) or all (no amount) of a fee, with the reason. */
    public record Waiver(@DecimalMin(value = "0.01", message = "must be at least 0.01")
                         @Digits(integer = 6, fraction = 2) BigDecimal amount,
                         @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    /** Year-end waiver of every open fee of a grade at a site (e.g. the graduating class). */
    public record BulkWaiver(@NotBlank String siteCode, @NotBlank @Size(max = 10) String grade,
                             @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    public record Receipt(String receiptNo, UUID patronId, BigDecimal paid, List<Applied> applied,
                          BigDecimal balance) {
    }

    public record Applied(UUID feeId, BigDecimal amount, BigDecimal feeBalance) {
    }
}
