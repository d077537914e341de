package org.lrms.catalog.title;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record TitleView(UUID id, String title, String subtitle, String statementOfResponsibility,
                        List<String> authors, List<Contributor> contributors, List<String> isbns,
                        List<String> cancelledIsbns, String issn,
                        String lccn, String controlNumber, String publisher, Integer publicationYear, String edition,
                        String language, String materialType, String deweyNumber, String callNumber,
                        List<String> subjects, String summary, String readingLevel, String interestLevel,
                        String series, boolean hasMarcSource, Instant createdAt, Instant updatedAt, int version) {

    public static TitleView of(Title t) {
        return new TitleView(t.id, t.title, t.subtitle, t.statementOfResponsibility, List.copyOf(t.authors),
                List.copyOf(t.contributors), List.copyOf(t.isbns), List.copyOf(t.cancelledIsbns), t.issn, t.lccn, t.controlNumber, t.publisher,
                t.publicationYear, t.edition, t.language, t.materialType, t.deweyNumber, t.callNumber,
                List.copyOf(t.subjects), t.summary, t.readingLevel, t.interestLevel, t.series, t.marcSource != null,
                t.createdAt, t.updatedAt, t.version);
    }
}
