package org.lrms.events.acquisitions;

import java.util.List;
import java.util.UUID;

/**
 * The title an order line is for: {@code titleId} when the line was ordered from the catalog; otherwise enough
 * bibliographic data to find the title by ISBN (ISBN-10 and ISBN-13 of one book match) or to create it.
 *
 * @param materialType the catalog's material type ({@code BOOK}, {@code EBOOK}, {@code DVD}...), {@code BOOK} if null
 */
public record OrderedTitle(UUID titleId, String title, List<String> authors, List<String> isbns, String publisher,
                           Integer publicationYear, String materialType) {
}
