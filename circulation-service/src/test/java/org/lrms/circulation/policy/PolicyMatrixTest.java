package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyMatrixTest {

    static PolicyRule rule(String site, String patronType, String circulationType, int days) {
        return new PolicyRule(UUID.randomUUID(), site, patronType, circulationType, LoanPeriod.ofDays(days), 10, 2, 0,
                new BigDecimal("0.10"), new BigDecimal("5.00"), 60, BigDecimal.ZERO, true, 7);
    }

    private final PolicyMatrix matrix = new PolicyMatrix(List.of(
            rule(null, null, null, 14),
            rule(null, "TEACHER", null, 28),
            rule(null, null, "REFERENCE", 1),
            rule("LHS", null, null, 21),
            rule("LHS", "STUDENT", "REFERENCE", 2)));

    @Test
    void districtDefaultAppliesWhenNothingMoreSpecificMatches() {
        assertEquals(14, matrix.resolve("RMS", "STUDENT", "BOOK").orElseThrow().loanPeriod().days());
    }

    @Test
    void patronTypeBeatsTheDefault() {
        assertEquals(28, matrix.resolve("RMS", "TEACHER", "BOOK").orElseThrow().loanPeriod().days());
    }

    @Test
    void patronTypeBeatsCirculationType() {
        assertEquals(28, matrix.resolve("RMS", "TEACHER", "REFERENCE").orElseThrow().loanPeriod().days());
    }

    @Test
    void siteRuleBeatsEveryDistrictRule() {
        assertEquals(21, matrix.resolve("LHS", "TEACHER", "REFERENCE").orElseThrow().loanPeriod().days());
    }

    @Test
    void fullyQualifiedRuleWins() {
        assertEquals(2, matrix.resolve("LHS", "STUDENT", "REFERENCE").orElseThrow().loanPeriod().days());
    }

    @Test
    void noRuleAtAllResolvesToNothing() {
        assertTrue(new PolicyMatrix(List.of(rule("LHS", null, null, 3))).resolve("RMS", "STUDENT", null).isEmpty());
    }

    @Test
    void aValidRuleHasNoViolations() {
        assertTrue(rule(null, null, null, 14).violations().isEmpty());
    }

    @Test
    void negativeDaysAndMoneyAreViolations() {
        PolicyRule bad = new PolicyRule(null, null, null, null, LoanPeriod.ofDays(-3), -1, -1, -2,
                new BigDecimal("-0.10"), new BigDecimal("1.005"), 0, BigDecimal.ZERO, true, 0);
        List<String> fields = bad.violations().stream().map(PolicyRule.Violation::field).toList();
        assertEquals(List.of("loanDays", "maxItems", "renewalsAllowed", "graceDays", "lostAfterDays",
                "holdShelfDays", "finePerDay", "maxFine"), fields);
    }

    @Test
    void exactlyOneLoanPeriodIsRequired() {
        PolicyRule two = new PolicyRule(null, null, null, null, new LoanPeriod(14, 2, null), 1, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, 30, BigDecimal.ZERO, true, 7);
        PolicyRule none = new PolicyRule(null, null, null, null, new LoanPeriod(null, null, null), 1, 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, 30, BigDecimal.ZERO, true, 7);
        PolicyRule fixed = new PolicyRule(null, null, null, null, LoanPeriod.until(LocalDate.of(2027, 6, 10)), 1, 0,
                0, BigDecimal.ZERO, BigDecimal.ZERO, 30, BigDecimal.ZERO, true, 7);
        assertEquals("loanPeriod", two.violations().get(0).field());
        assertEquals("loanPeriod", none.violations().get(0).field());
        assertTrue(fixed.violations().isEmpty());
    }
}
