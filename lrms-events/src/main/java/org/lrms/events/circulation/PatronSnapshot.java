package org.lrms.events.circulation;

import java.util.UUID;

/**
 * A patron as the textbook service needs it (names, for distribution lists) and reporting counts it. Reporting must
 * use {@code patronKey} (pseudonymous, the same key loan and fee events carry) and never the names.
 *
 * @param status {@code ACTIVE}, {@code INACTIVE} or {@code GRADUATED}
 */
public record PatronSnapshot(UUID patronId, String patronKey, String barcode, String sisId, String sourcedId,
                             String firstName, String lastName, String patronType, String homeSite, String grade,
                             String homeroom, String status) {
}
