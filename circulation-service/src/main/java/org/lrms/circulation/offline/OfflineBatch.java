package org.lrms.circulation.offline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Transactions a desk recorded while the network was down. {@code id} is the desk's id of each transaction: uploading
 * the same batch again, by anyone, changes nothing ({@code alreadyApplied}: what an earlier upload made of it).
 */
public record OfflineBatch(@NotBlank String siteCode,
                           @NotEmpty @Size(max = 5000) List<@Valid @NotNull Transaction> transactions) {

    public record Transaction(@NotBlank @Size(max = 100) String id,
                              @NotBlank @Pattern(regexp = "(?i)CHECKOUT|CHECKIN",
                                      message = "must be CHECKOUT or CHECKIN") String type,
                              @NotNull Instant at,
                              @Size(max = 40) String patronBarcode,
                              @NotBlank @Size(max = 40) String itemBarcode) {
    }

    /**
     * What became of one transaction: {@code applied}, or the refusal's code and detail; {@code alreadyApplied} when an
     * earlier upload had it (the outcome is then that upload's, and this one changed nothing).
     */
    public record Outcome(String id, String type, String itemBarcode, boolean applied, String code, String detail,
                          boolean alreadyApplied) {
    }

    /** The counts of the outcomes: applied, conflicts, and how many of either an earlier upload had. */
    public record Report(String siteCode, int applied, int conflicts, int alreadyApplied, List<Outcome> outcomes) {
    }
}
