package org.lrms.catalog.title;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class TitleService {

    @Inject
    Outbox outbox;

    @Transactional
    public Title create(TitleRequest request) {
        Title title = new Title();
        title.id = UUID.randomUUID();
        title.title = request.title().strip();
        title.subtitle = request.subtitle();
        title.authors = request.authors() == null ? List.of() : request.authors();
        title.isbns = request.isbns() == null ? List.of() : request.isbns();
        title.publisher = request.publisher();
        title.publicationYear = request.publicationYear();
        title.materialType = request.materialType() == null ? "BOOK" : request.materialType().toUpperCase(Locale.ROOT);
        title.deweyNumber = request.deweyNumber();
        title.subjects = request.subjects() == null ? List.of() : request.subjects();
        title.createdAt = Instant.now();
        title.updatedAt = title.createdAt;
        title.persist();
        outbox.publish(Topics.CATALOG_TITLES, null, title.id.toString(), new TitleCreated(snapshot(title)));
        return title;
    }

    public Title get(UUID id) {
        Title title = Title.findById(id);
        if (title == null) {
            throw ProblemException.notFound("title", id.toString());
        }
        return title;
    }

    static TitleSnapshot snapshot(Title t) {
        return new TitleSnapshot(t.id, t.title, t.subtitle, List.copyOf(t.authors), List.copyOf(t.isbns),
                t.publisher, t.publicationYear, t.materialType, t.deweyNumber, null, null, List.copyOf(t.subjects),
                null, null);
    }
}
