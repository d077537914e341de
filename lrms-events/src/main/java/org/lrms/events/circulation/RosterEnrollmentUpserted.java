package org.lrms.events.circulation;

import org.lrms.events.EventType;

import java.time.LocalDate;
import java.util.UUID;

/** A patron's enrollment in a class (OneRoster enrollments.csv); {@code role} is {@code student} or {@code teacher}. */
@EventType(name = "RosterEnrollmentUpserted")
public record RosterEnrollmentUpserted(String sourcedId, String classSourcedId, String siteCode, UUID patronId,
                                       String userSourcedId, String role, boolean primary, LocalDate beginDate,
                                       LocalDate endDate, String status) {
}
