package org.lrms.circulation.patron;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A patron as staff see it. {@code homeroomSource}: {@code ROSTER} when the homeroom comes from the roster's homeroom
 * classes (the next import keeps it current), {@code STAFF} when staff entered it, null without one;
 * {@code homeroomTeacher}: the name of the teacher enrolled in that homeroom class (null for a homeroom staff entered);
 * {@code hasPhoto}: whether the patron has a picture ({@code GET /api/v1/patrons/{id}/photo}).
 */
public record PatronView(UUID id, String barcode, String sisId, String firstName, String lastName, String patronType,
                         String homeSite, String grade, String homeroom, String homeroomSource,
                         String homeroomTeacher, String email, String language, String status, String notes,
                         boolean blocked, String blockNote, BigDecimal feeBalance, boolean hasPhoto) {

    public static PatronView of(Patron p, String homeroomTeacher, boolean hasPhoto) {
        String source = p.homeroom == null ? null : p.homeroomClass != null ? "ROSTER" : "STAFF";
        return new PatronView(p.id, p.barcode, p.sisId, p.firstName, p.lastName, p.patronType, p.homeSite, p.grade,
                p.homeroom, source, homeroomTeacher, p.email, p.language, p.status, p.notes, p.blocked, p.blockNote,
                p.feeBalance, hasPhoto);
    }
}
