package org.lrms.reporting.textbook;

import org.lrms.events.EventEnvelope;
import org.lrms.events.Topics;
import org.lrms.events.circulation.RosterClassUpserted;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.events.textbook.TextbookAdoptionUpserted;
import org.lrms.events.textbook.TextbookDeclaredLost;
import org.lrms.events.textbook.TextbookDistributed;
import org.lrms.events.textbook.TextbookDistribution;
import org.lrms.events.textbook.TextbookReturned;
import org.lrms.events.textbook.TextbookStockCounted;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.lrms.reporting.TestEvents.send;

/** The roster and textbook events as circulation and the textbook service publish them. */
public final class TextbookFixtures {

    private TextbookFixtures() {
    }

    public static void rosterClass(String sourcedId, String site, String courseCode, String status) {
        send(Topics.CIRCULATION_ROSTER, site, sourcedId, new RosterClassUpserted(sourcedId, site, "Section "
                + sourcedId, "P1", "course-" + courseCode, courseCode, "Course " + courseCode, List.of("09"),
                List.of("Mathematics"), "Room 12", status, "scheduled"));
    }

    public static void enrollment(String classSourcedId, String site, UUID patronId, String role, String status,
                                  LocalDate endDate) {
        enrollment("enr-" + UUID.randomUUID(), classSourcedId, site, patronId, role, status, endDate);
    }

    public static void enrollment(String sourcedId, String classSourcedId, String site, UUID patronId, String role,
                                  String status, LocalDate endDate) {
        send(Topics.CIRCULATION_ROSTER, site, sourcedId, new RosterEnrollmentUpserted(sourcedId, classSourcedId, site,
                patronId, "user-" + patronId, role, false, null, endDate, status));
    }

    public static void student(String classSourcedId, String site, UUID patronId) {
        enrollment(classSourcedId, site, patronId, "student", "active", null);
    }

    public static TextbookAdoptionUpserted adoption(UUID adoptionId, String courseCode, String site, UUID titleId,
                                                    String title, int copiesPerStudent, String status) {
        TextbookAdoptionUpserted a = new TextbookAdoptionUpserted(adoptionId, courseCode, site, titleId,
                "978" + titleId.toString().substring(0, 5), title, copiesPerStudent, status, LocalDate.of(2026, 7, 1),
                null);
        send(Topics.TEXTBOOK_ADOPTIONS, site, adoptionId, a);
        return a;
    }

    public static void stock(String site, UUID titleId, String title, int copies, int available, int distributed,
                             int lost, int damaged, String countedAt) {
        send(Topics.TEXTBOOK_STOCK, site, TextbookStockCounted.key(site, titleId), new TextbookStockCounted(site,
                titleId, null, title, copies, available, distributed, lost, damaged, Instant.parse(countedAt)));
    }

    public static TextbookDistribution distribution(String site, UUID titleId, String title, String courseCode,
                                                    String distributedAt) {
        UUID id = UUID.randomUUID();
        return new TextbookDistribution(id, site, titleId, null, title, "TB" + id.toString().substring(0, 8),
                "pk-" + id.toString().substring(0, 6), courseCode, Instant.parse(distributedAt),
                LocalDate.of(2027, 6, 11));
    }

    public static EventEnvelope distributed(TextbookDistribution d) {
        return send(Topics.TEXTBOOK_DISTRIBUTIONS, d.siteCode(), d.distributionId(), new TextbookDistributed(d));
    }

    public static void returned(TextbookDistribution d, String at) {
        send(Topics.TEXTBOOK_DISTRIBUTIONS, d.siteCode(), d.distributionId(),
                new TextbookReturned(d, Instant.parse(at), "GOOD"));
    }

    public static void lost(TextbookDistribution d, String at) {
        send(Topics.TEXTBOOK_DISTRIBUTIONS, d.siteCode(), d.distributionId(),
                new TextbookDeclaredLost(d, Instant.parse(at)));
    }
}
