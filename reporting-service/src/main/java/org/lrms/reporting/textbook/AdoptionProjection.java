package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.textbook.TextbookAdoptionUpserted;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.lrms.reporting.textbook.RosterProjection.blankToNull;
import static org.lrms.reporting.textbook.RosterProjection.required;

/** Adoptions from textbook.adoptions.v1: the latest of each adoption is the adoption. */
@ApplicationScoped
public class AdoptionProjection implements Projection {

    private static final Set<String> STATUSES = Set.of(TextbookAdoptionUpserted.ACTIVE,
            TextbookAdoptionUpserted.ENDED);

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.TEXTBOOK_ADOPTIONS;
    }

    @Override
    public List<String> tables() {
        return List.of("textbook_adoption");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        if (!"TextbookAdoptionUpserted".equals(event.type())) {
            return false;
        }
        TextbookAdoptionUpserted a = EventJson.payload(event, TextbookAdoptionUpserted.class);
        Projection.require(a.adoptionId(), event, "adoptionId");
        Projection.require(a.textbookTitleId(), event, "textbookTitleId");
        String status = required(a.status(), event, "status").toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has status " + status
                    + " (ACTIVE or ENDED)");
        }
        if (a.copiesPerStudent() < 1) {
            throw new UnreadableEventException(event.type() + " " + event.eventId() + " has copiesPerStudent "
                    + a.copiesPerStudent() + " (at least 1)");
        }
        // the district itself, by its code or by no site
        String site = blankToNull(a.siteCode()) == null || "DISTRICT".equalsIgnoreCase(a.siteCode().strip()) ? null
                : RosterProjection.site(event, a.siteCode());
        if (site != null) {
            sql.add("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING", site);
        }
        sql.add("""
                        INSERT INTO textbook_adoption (adoption_id, course_code, site_code, textbook_title_id, isbn,
                            title, copies_per_student, status, adopted_on, ends_on)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (adoption_id) DO UPDATE SET course_code = EXCLUDED.course_code,
                            site_code = EXCLUDED.site_code, textbook_title_id = EXCLUDED.textbook_title_id,
                            isbn = EXCLUDED.isbn, title = EXCLUDED.title,
                            copies_per_student = EXCLUDED.copies_per_student, status = EXCLUDED.status,
                            adopted_on = EXCLUDED.adopted_on, ends_on = EXCLUDED.ends_on
                        """,
                a.adoptionId(), required(a.courseCode(), event, "courseCode"), site, a.textbookTitleId(),
                blankToNull(a.isbn()), blankToNull(a.title()), a.copiesPerStudent(), status, a.adoptedOn(),
                a.endsOn());
        return true;
    }
}
