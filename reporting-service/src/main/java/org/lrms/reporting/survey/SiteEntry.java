package org.lrms.reporting.survey;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * What a site enters for the survey: its library's weekly open hours and its staffing, for one school year.
 *
 * @param weeklyOpenHours       hours the library is open in a typical week
 * @param openBeforeSchool      open before the school day starts
 * @param openAfterSchool       open after the school day ends
 * @param teacherLibrarianFte   credentialed teacher librarians, in full-time equivalents
 * @param classifiedStaffFte    library technicians and other classified staff, in full-time equivalents
 * @param weeklyVolunteerHours  volunteer hours in a typical week
 */
public record SiteEntry(
        @NotNull @DecimalMin("0") @DecimalMax("168") BigDecimal weeklyOpenHours,
        @NotNull Boolean openBeforeSchool,
        @NotNull Boolean openAfterSchool,
        @NotNull @DecimalMin("0") @DecimalMax("50") BigDecimal teacherLibrarianFte,
        @NotNull @DecimalMin("0") @DecimalMax("50") BigDecimal classifiedStaffFte,
        @NotNull @DecimalMin("0") @DecimalMax("2000") BigDecimal weeklyVolunteerHours) {
}
