package org.lrms.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A search answer: titles with their availability per site, facets with counts. No patron data, ever. */
public record SearchView(String query, long total, int page, int size, List<Hit> results,
                         Map<String, List<FacetCount>> facets) {

    public record Hit(UUID id, String title, String subtitle, List<String> authors, String materialType,
                      Integer publicationYear, String callNumber, String language, String readingLevel,
                      String series, List<String> isbns, double score, int availableCopies,
                      List<SiteAvailability> availability) {
    }

    public record SiteAvailability(String siteCode, int copies, int available) {
    }

    public record FacetCount(String value, long count) {
    }
}
