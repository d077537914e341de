package org.lrms.events.textbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A distribution as other services see it: one textbook copy handed out to one student for a course, at a site.
 * Every distribution event carries it whole, so a consumer understands any of them alone. {@code patronKey} is
 * pseudonymous (circulation's {@code PatronSnapshot.patronKey}, the key loan and fee events carry): never a name,
 * barcode or SIS id.
 *
 * @param distributionId  the distribution's id in the textbook service (the Kafka key)
 * @param siteCode        the site that distributed the copy (a return at another site still belongs to it)
 * @param textbookTitleId the textbook title
 * @param isbn            its ISBN, if it has one
 * @param title           its name
 * @param copyBarcode     the textbook copy's barcode
 * @param patronKey       the student, pseudonymous
 * @param courseCode      the course it was distributed for, as the roster names it (null: not for one course)
 * @param distributedAt   when the copy was handed out
 * @param dueOn           when it is due back (e.g. the last day of the school year), if set
 */
public record TextbookDistribution(UUID distributionId, String siteCode, UUID textbookTitleId, String isbn,
                                   String title, String copyBarcode, String patronKey, String courseCode,
                                   Instant distributedAt, LocalDate dueOn) {
}
