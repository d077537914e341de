package org.lrms.reporting.collection;

import org.lrms.reporting.freshness.Freshness;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Collection statistics of a scope.
 *
 * @param scope                  {@code DISTRICT} or the site codes
 * @param sites                  the site codes (empty for the district)
 * @param from                   first day of the period for additions and withdrawals
 * @param to                     last day of that period
 * @param titles                 titles in the district catalog (not deleted), whatever the scope
 * @param titlesHeld             titles with at least one copy (not withdrawn) in scope
 * @param copies                 copies not withdrawn in scope
 * @param averagePublicationYear of those copies (collection age); null when none has a year
 * @param replacementValue       sum of those copies' prices
 * @param enrolment              students enrolled in scope, from the roster (null until the roster is known)
 * @param copiesPerStudent       copies / enrolment
 * @param additions              copies added in the period
 * @param withdrawals            copies withdrawn in the period
 */
public record CollectionReport(String scope, List<String> sites, LocalDate from, LocalDate to, long titles,
                               long titlesHeld, long copies, Double averagePublicationYear,
                               BigDecimal replacementValue, Long enrolment, Double copiesPerStudent, long additions,
                               long withdrawals, List<MaterialTypeRow> byMaterialType,
                               List<DeweyClassRow> byDeweyClass, Freshness freshness) {

    public record MaterialTypeRow(String materialType, long titlesHeld, long copies, long additions,
                                  long withdrawals) {
    }

    public record DeweyClassRow(String deweyClass, String label, long titlesHeld, long copies,
                                Double averagePublicationYear, BigDecimal replacementValue, long additions,
                                long withdrawals) {
    }
}
