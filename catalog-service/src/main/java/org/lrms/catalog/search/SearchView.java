package org.lrms.catalog.search;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A search answer: titles with their availability per site, facets with counts. No patron data, ever.
 * <p>
 * {@code totalIsEstimate}: the query matches more titles than the search ranks and counts, and {@code total} is the
 * database's estimate of how many; the results are then the best of the first {@code facetsCounted} candidates and
 * the facets count those. Otherwise {@code total} is exact and {@code facetsCounted} equals it.
 */
public record SearchView(String query, long total, boolean totalIsEstimate, long facetsCounted, int page, int size,
                         List<Hit> results, Map<String, List<FacetCount>> facets) {

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
