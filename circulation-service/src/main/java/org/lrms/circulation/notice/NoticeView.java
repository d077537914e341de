package org.lrms.circulation.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice as staff deliver it (names included: it goes to the patron or their homeroom teacher). {@code homeroom} is
 * the patron's when the notice was recorded; {@code homeroomTeacher} the teacher enrolled in that homeroom's roster
 * class now (null for a homeroom staff entered).
 */
public record NoticeView(UUID id, String kind, int stage, String language, String patronBarcode, String patronName,
                         String homeroom, String homeroomTeacher, String email, String subject, String body, Instant createdAt,
                         Instant printedAt, Instant emailedAt) {
}
