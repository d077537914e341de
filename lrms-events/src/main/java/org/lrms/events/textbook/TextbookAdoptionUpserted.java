package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A textbook adoption as it now stands: the district (or one site) adopts a textbook title for a course, with the
 * number of copies each enrolled student needs. Published by the textbook service on every change of the adoption
 * (topic {@code textbook.adoptions.v1}, key {@code adoptionId}; the envelope's {@code siteCode} is the adoption's,
 * null for the district). The latest event of an adoption is the adoption.
 *
 * <p>A district adoption ({@code siteCode} null) applies at every site whose roster has the course, unless that site
 * has an adoption of its own for the same course and textbook title: the site's own then decides (another
 * {@code copiesPerStudent}, or {@code ENDED} to opt out at that site). A site adoption applies at its site only.
 *
 * @param adoptionId       the adoption's id in the textbook service
 * @param courseCode       the course, as the roster names it ({@code RosterClassUpserted.courseCode}, OneRoster
 *                         courses.csv {@code courseCode}), e.g. {@code ALG1}
 * @param siteCode         the site that adopted it, or null for a district-wide adoption
 * @param textbookTitleId  the textbook title (the textbook service's bibliographic record of a textbook)
 * @param isbn             the adopted edition's ISBN, if it has one
 * @param title            the textbook title's name, e.g. {@code Algebra 1, Student Edition}
 * @param copiesPerStudent copies of the title each enrolled student needs (at least 1; e.g. 2 for a home and a
 *                         classroom set)
 * @param status           {@code ACTIVE} (in use) or {@code ENDED} (no longer adopted)
 * @param adoptedOn        first school day it is in use, if known
 * @param endsOn           last school day it is in use, if known (adoptions run for years: e.g. a six-year cycle)
 */
@EventType(name = "TextbookAdoptionUpserted")
public record TextbookAdoptionUpserted(UUID adoptionId, String courseCode, String siteCode, UUID textbookTitleId,
                                       String isbn, String title, int copiesPerStudent, String status,
                                       LocalDate adoptedOn, LocalDate endsOn) {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
}
