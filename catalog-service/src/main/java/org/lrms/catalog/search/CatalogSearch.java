package org.lrms.catalog.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keyword search over the union catalog: PostgreSQL full-text search (title, author, subject, series, ISBN) ranked,
 * plus trigram word similarity on title, author and series so that a typo still finds the book.
 */
@ApplicationScoped
public class CatalogSearch {

    public record Filters(String siteCode, String materialType, Boolean available, String readingLevel,
                          String language) {
    }

    @Inject
    EntityManager em;

    public SearchView search(String query, Filters filters, int page, int size) {
        SearchTerms terms = SearchTerms.of(query);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        String score = "0";
        if (!terms.isEmpty()) {
            params.put("tsq", terms.prefixTsQuery());
            params.put("text", terms.text());
            // <% is the indexed form of word_similarity >= pg_trgm.word_similarity_threshold (0.6 by default)
            StringBuilder match = new StringBuilder("t.search_vector @@ to_tsquery('simple', :tsq)"
                    + " OR :text <% t.search_text");
            if (terms.isbn13().isPresent()) {
                params.put("isbn", new String[]{terms.isbn13().get()});
                match.append(" OR t.isbn13s && CAST(:isbn AS text[])");
            }
            where.append(" AND (").append(match).append(")");
            score = "ts_rank(t.search_vector, to_tsquery('simple', :tsq)) + word_similarity(:text, t.search_text)";
        }
        if (filters.materialType() != null) {
            where.append(" AND t.material_type = :materialType");
            params.put("materialType", filters.materialType().toUpperCase());
        }
        if (filters.readingLevel() != null) {
            where.append(" AND t.reading_level = :readingLevel");
            params.put("readingLevel", filters.readingLevel());
        }
        if (filters.language() != null) {
            where.append(" AND t.language = :language");
            params.put("language", filters.language().toLowerCase());
        }
        if (filters.siteCode() != null || Boolean.TRUE.equals(filters.available())) {
            where.append(" AND EXISTS (SELECT 1 FROM copy c WHERE c.title_id = t.id");
            if (filters.siteCode() != null) {
                where.append(" AND c.site_code = :siteCode");
                params.put("siteCode", filters.siteCode().toUpperCase());
            }
            where.append(Boolean.TRUE.equals(filters.available()) ? " AND c.status = 'AVAILABLE')"
                    : " AND c.status <> 'WITHDRAWN')");
        }

        Query hitsQuery = em.createNativeQuery("SELECT t.id, t.title, t.subtitle, t.authors, t.material_type,"
                + " t.publication_year, coalesce(t.call_number, t.dewey_number), t.language, t.reading_level,"
                + " t.series, t.isbns, (" + score + ") AS score FROM title t" + where
                + " ORDER BY score DESC, t.title, t.id LIMIT :limit OFFSET :offset");
        params.forEach(hitsQuery::setParameter);
        hitsQuery.setParameter("limit", size).setParameter("offset", page * size);
        List<Object[]> rows = hitsQuery.getResultList();

        Query countQuery = em.createNativeQuery("SELECT count(*) FROM title t" + where);
        params.forEach(countQuery::setParameter);
        long total = ((Number) countQuery.getSingleResult()).longValue();

        Map<UUID, List<SearchView.SiteAvailability>> availability = availability(
                rows.stream().map(r -> (UUID) r[0]).toList(), filters.siteCode());
        List<SearchView.Hit> hits = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            List<SearchView.SiteAvailability> sites = availability.getOrDefault(id, List.of());
            hits.add(new SearchView.Hit(id, (String) r[1], (String) r[2], strings(r[3]), (String) r[4],
                    (Integer) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], strings(r[10]),
                    ((Number) r[11]).doubleValue(),
                    sites.stream().mapToInt(SearchView.SiteAvailability::available).sum(), sites));
        }
        Map<String, List<SearchView.FacetCount>> facets = new LinkedHashMap<>();
        facets.put("materialType", facet("t.material_type", where, params));
        facets.put("language", facet("t.language", where, params));
        facets.put("readingLevel", facet("t.reading_level", where, params));
        facets.put("siteCode", siteFacet(where, params));
        return new SearchView(query, total, page, size, hits, facets);
    }

    private Map<UUID, List<SearchView.SiteAvailability>> availability(List<UUID> titleIds, String siteCode) {
        Map<UUID, List<SearchView.SiteAvailability>> result = new LinkedHashMap<>();
        if (titleIds.isEmpty()) {
            return result;
        }
        Query q = em.createNativeQuery("SELECT c.title_id, c.site_code, count(*),"
                        + " count(*) FILTER (WHERE c.status = 'AVAILABLE') FROM copy c"
                        + " WHERE c.title_id IN (:ids) AND c.status <> 'WITHDRAWN'"
                        + (siteCode != null ? " AND c.site_code = :siteCode" : "")
                        + " GROUP BY c.title_id, c.site_code ORDER BY c.site_code")
                .setParameter("ids", titleIds);
        if (siteCode != null) {
            q.setParameter("siteCode", siteCode.toUpperCase());
        }
        List<Object[]> rows = q.getResultList();
        for (Object[] r : rows) {
            result.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new SearchView.SiteAvailability(
                    (String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
        }
        return result;
    }

    private List<SearchView.FacetCount> facet(String column, StringBuilder where, Map<String, Object> params) {
        Query q = em.createNativeQuery("SELECT " + column + ", count(*) FROM title t" + where + " AND " + column
                + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20");
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new SearchView.FacetCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** How many matching titles each site holds (copies not withdrawn). */
    private List<SearchView.FacetCount> siteFacet(StringBuilder where, Map<String, Object> params) {
        Query q = em.createNativeQuery("SELECT c.site_code, count(DISTINCT c.title_id) FROM copy c"
                + " WHERE c.status <> 'WITHDRAWN' AND c.title_id IN (SELECT t.id FROM title t" + where + ")"
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50");
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new SearchView.FacetCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private static List<String> strings(Object array) {
        if (array instanceof String[] values) {
            return Arrays.asList(values);
        }
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        if (array instanceof java.sql.Array sql) {
            try {
                return Arrays.asList((String[]) sql.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of();
    }
}
