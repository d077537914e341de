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

    /**
     * A payment: to the named fee, or to the oldest open fees first; {@code siteCode} is the site of the desk taking
     * it (required from site staff, one of their sites; a district admin may name any site, or none: each fee's own).
     */
    public record Payment(@NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
                          @Digits(integer = 6, fraction = 2) BigDecimal amount,
                          @NotBlank @Pattern(regexp = "(?i)CASH|CHECK|CARD|ONLINE",
                                  message = "must be CASH, CHECK, CARD or ONLINE") String method,
                          UUID feeId,
                          @Size(max = 20) String siteCode) {

        public Payment(BigDecimal amount, String method, UUID feeId) {
            this(amount, method, feeId, null);
        }
    }

    /** A waiver of part (amount) or all (no amount) of a fee, with the reason. */
    public record Waiver(@DecimalMin(value = "0.01", message = "must be at least 0.01")
                         @Digits(integer = 6, fraction = 2) BigDecimal amount,
                         @NotBlank @Size(min = 3, max = 500) String reason) {
    }

    /**
     * Year-end waiver of every open fee of the patrons of some sites (their home site): one site ({@code siteCode}),
     * several ({@code siteCodes}) or all ({@code allSites}), exactly one of the three; of one grade ({@code grade},
     * as the patron's record has it) or of the graduating class ({@code graduatingClass}: grade 12, and the patrons
     * whose status is GRADUATED), exactly one of the two. {@code dryRun} only counts what would be waived.
     */
    public record BulkWaiver(@Size(max = 20) String siteCode,
                             @Size(max = 500) List<@NotBlank @Size(max = 20) String> siteCodes,
                             Boolean allSites,
                             @Size(max = 10) String grade,
                             Boolean graduatingClass,
                             @NotBlank @Size(min = 3, max = 500) String reason,
                             Boolean dryRun) {

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }

        boolean isAllSites() {
            return Boolean.TRUE.equals(allSites);
        }

        boolean isGraduatingClass() {
            return Boolean.TRUE.equals(graduatingClass);
        }
    }

    /** What a bulk waiver waived (or, a dry run, would waive): fees, patrons and amount, in all and per site. */
    public record BulkWaiverResult(boolean dryRun, int waived, int fees, int patrons, BigDecimal amount,
                                   List<BulkWaiverSite> sites) {
    }

    public record BulkWaiverSite(String siteCode, int fees, int patrons, BigDecimal amount) {
    }

    public record Receipt(String receiptNo, UUID patronId, BigDecimal paid, List<Applied> applied,
                          BigDecimal balance) {
    }

    public record Applied(UUID feeId, BigDecimal amount, BigDecimal feeBalance) {
    }
}
