package org.lrms.circulation.policy.store;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A rule of the matrix; leave siteCode, patronType or circulationType out to mean "any". {@code overdueNotices}: one
 * to three stages, their days increasing.
 */
public record PolicyRequest(
        String siteCode,
        @Pattern(regexp = "(?i)STUDENT|TEACHER|STAFF|GUARDIAN",
                message = "must be STUDENT, TEACHER, STAFF or GUARDIAN") String patronType,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be 1 to 40 letters, digits, '-' or '_'")
        String circulationType,
        Integer loanDays,
        Integer loanHours,
        LocalDate fixedDueDate,
        @NotNull Integer maxItems,
        @NotNull Integer renewalsAllowed,
        @NotNull Integer graceDays,
        @NotNull BigDecimal finePerDay,
        @NotNull BigDecimal maxFine,
        @NotNull Integer lostAfterDays,
        @NotNull BigDecimal processingFee,
        @NotNull Boolean holdsAllowed,
        @NotNull Integer holdShelfDays,
        @Valid List<@NotNull @Valid Stage> overdueNotices) {

    /**
     * An overdue notice stage: sent {@code afterDays} days overdue; {@code blocks} stops the patron's check-outs
     * until the loan is returned. Leave {@code overdueNotices} out to keep a rule's stages (a new rule gets the
     * district's: 1, 14 and 28 days, the third blocking).
     */
    public record Stage(@NotNull Integer afterDays, Boolean blocks) {
    }
}
