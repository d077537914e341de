package org.lrms.catalog.title;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TitleView(UUID id, String title, String subtitle, List<String> authors, List<String> isbns,
                        String publisher, Integer publicationYear, String materialType, String deweyNumber,
                        List<String> subjects, Instant createdAt, Instant updatedAt) {

    static TitleView of(Title t) {
        return new TitleView(t.id, t.title, t.subtitle, List.copyOf(t.authors), List.copyOf(t.isbns), t.publisher,
                t.publicationYear, t.materialType, t.deweyNumber, List.copyOf(t.subjects), t.createdAt,
                t.updatedAt);
    }
}
