package org.lrms.events.catalog;

import java.util.List;
import java.util.UUID;

/** What other services need to know of a title (bibliographic record), carried in every title event. */
public record TitleSnapshot(UUID titleId, String title, String subtitle, List<String> authors, List<String> isbns,
                            String publisher, Integer publicationYear, String materialType, String deweyNumber,
                            String callNumber, String language, List<String> subjects, String readingLevel,
                            String series) {
}
