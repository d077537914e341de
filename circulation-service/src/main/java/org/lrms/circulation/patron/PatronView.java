package org.lrms.circulation.patron;

import java.math.BigDecimal;
import java.util.UUID;

public record PatronView(UUID id, String barcode, String sisId, String firstName, String lastName, String patronType,
                         String homeSite, String grade, String homeroom, String email, String language,
                         String status, String notes, boolean blocked, String blockNote, BigDecimal feeBalance) {

    public static PatronView of(Patron p) {
        return new PatronView(p.id, p.barcode, p.sisId, p.firstName, p.lastName, p.patronType, p.homeSite, p.grade,
                p.homeroom, p.email, p.language, p.status, p.notes, p.blocked, p.blockNote, p.feeBalance);
    }
}
