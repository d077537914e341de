package org.lrms.reporting.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleDeleted;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.util.List;

/** The district catalog's titles (bibliographic records), from catalog.titles.v1. */
@ApplicationScoped
public class TitleProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Override
    public String topic() {
        return Topics.CATALOG_TITLES;
    }

    @Override
    public List<String> tables() {
        return List.of("title");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "TitleCreated" -> upsert(event, EventJson.payload(event, TitleCreated.class).title());
            case "TitleUpdated" -> upsert(event, EventJson.payload(event, TitleUpdated.class).title());
            case "TitleDeleted" -> {
                TitleDeleted deleted = EventJson.payload(event, TitleDeleted.class);
                sql.add("""
                                INSERT INTO title (title_id, dewey_class, deleted) VALUES (?1, ?2, TRUE)
                                ON CONFLICT (title_id) DO UPDATE SET deleted = TRUE
                                """,
                Projection.require(deleted.titleId(), event, "titleId"),
                DeweyClass.UNCLASSIFIED);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void upsert(EventEnvelope event, TitleSnapshot title) {
        Projection.require(title, event, "title");
        sql.add("""
                        INSERT INTO title (title_id, title, material_type, dewey_class, publication_year, deleted)
                        VALUES (?1, ?2, ?3, ?4, ?5, FALSE)
                        ON CONFLICT (title_id) DO UPDATE SET title = EXCLUDED.title,
                            material_type = EXCLUDED.material_type, dewey_class = EXCLUDED.dewey_class,
                            publication_year = EXCLUDED.publication_year
                        """,
                Projection.require(title.titleId(), event, "titleId"),
                title.title(),
                title.materialType(),
                DeweyClass.of(title.deweyNumber()),
                title.publicationYear());
    }
}
