package org.lrms.events.circulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold (reservation) of a title or one copy, self-describing for statistics; the patron is pseudonymous.
 *
 * @param status {@code WAITING}, {@code IN_TRANSIT}, {@code ON_SHELF}, {@code FILLED}, {@code CANCELLED}, {@code EXPIRED}
 */
public record HoldSnapshot(UUID holdId, UUID titleId, UUID copyId, String patronKey, String patronType,
                           String patronGrade, String pickupSite, String status, Instant placedAt,
                           LocalDate shelfExpiresOn) {
}
