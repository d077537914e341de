package org.lrms.catalog.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Keyword search over the union catalog: PostgreSQL full-text search (title, author, subject, series, ISBN) ranked,
 * plus trigram word similarity on title, author and series so that a typo still finds the book.
 * <p>
 * It stays fast however large the catalog and however common the word: one statement (one round trip) takes at most
 * {@code catalog.search.candidates} (200) matching titles from the GIN indexes, those holding the words in their own
 * title or subtitle first and, when they are fewer, twice that many with those holding them anywhere (authors,
 * series, subjects), so that a common word does not leave out the titles named by it; it ranks only those, counts the facets
 * over them and reads the availability of the page's titles only. When a query matches more titles than that, the total is the planner's estimate and the answer says so ({@code totalIsEstimate}); the facets
 * then count the candidates ({@code facetsCounted}). The words choose titles as whole words first (common words such
 * as "the" or "de" rank but do not choose); when they find less than a page (a word typed in part, or misspelt, finds
 * nothing exactly, and a word found exactly outranks its look-alikes anyway), each word is also looked for as a prefix
 * and as the catalog's words most like it (one edit away, two for long words, or alike by trigram similarity, on the
 * word list {@code search_word}: {@link #LOOK_ALIKES}), so it costs a few index probes, not a comparison with every
 * title. Accents do not count: the stored text and the query
 * are both folded by the database's {@code search_fold} (V20), so that they always agree.
 */
@ApplicationScoped
public class CatalogSearch {

    /** How many matching titles are ranked and counted at most (more for deep pages). */
    @ConfigProperty(name = "catalog.search.candidates", defaultValue = "200")
    int candidatesAtMost;

    /** How alike (trigram similarity) a catalog word must be to stand for a word typed: "wizrd" and "wizard" 0.44. */
    static final double LOOK_ALIKE = 0.4;
    /** Edits (OSA: a swap of two neighbouring letters is one) a catalog word may be from a typed word it stands for. */
    static final int EDITS = 1;
    /** ... and from a word typed of this many letters or more. */
    static final int TWO_EDITS_FROM = 8;
    /** Catalog words looked at for a word typed, at most, from the trigram index, its first letters and its end each. */
    static final int NEAREST = 20;
    /**
     * The longest typed word given look-alikes: the word list keeps words of 60 letters at most, so a longer word is
     * more than two edits from any (and fuzzystrmatch refuses words over 255 characters).
     */
    static final int LONGEST_TYPED = 60 + 2 * EDITS;
    /**
     * The typed word's end, reversed, that a catalog word {@code e.most} edits away ends with when the edits are in the
     * typed word's first letters: its letters after the third for one edit, after the fourth for two (two letters at
     * least). Reversed because V24's index {@code search_word_end_idx} holds the words reversed (in the "C" collation,
     * byte order): the words ending so are one range of it for each length, from the end reversed to the end reversed
     * followed by the last code point ({@code chr(1114111)}), which every text beginning with the end sorts before.
     */
    static final String END = "CAST(reverse(right(w.word, greatest(2, length(w.word) - 2 - e.most))) AS text)"
            + " COLLATE \"C\"";
    /** The lengths within {@code e.most} of the typed word's, each one range of {@code search_word_end_idx}. */
    static final String LENGTHS = "ARRAY[" + IntStream.rangeClosed(-2 * EDITS, 2 * EDITS)
            .mapToObj(d -> "length(w.word) + greatest(-e.most, least(e.most, " + d + "))")
            .collect(Collectors.joining(", ")) + "]";
    /**
     * The catalog's words (at most three, nearest first) standing for a typed word {@code w.word} of four letters or
     * more: those within {@link #EDITS} of it (two from {@link #TWO_EDITS_FROM} letters), then its trigram look-alikes.
     * The words compared are only the {@link #NEAREST} nearest by trigrams among those pg_trgm's {@code %} finds
     * (similarity 0.3: the index probe as before; without that bound the nearest-neighbour scan reads far more of the
     * index), and the {@link #NEAREST} nearest by fuzzystrmatch's Levenshtein distance (in C, V24's
     * {@code search_levenshtein}) in each of two index ranges of about its length: the words of its first two letters
     * (V23; a short word's typo keeps too few trigrams: "wizrad" shares 3 of 11 with "wizard") and, for a typo in those
     * letters, the other words ending as it does after them ({@link #END}, V24: "hrary", "hsitory", "istory").
     * V23's {@code search_edits} counts the edits of those few.
     */
    static final String LOOK_ALIKES = "SELECT c.word FROM (SELECT a.word, a.distance, e.most,"
            + " search_edits(a.word, w.word, e.most) AS edits FROM"
            + " (SELECT CASE WHEN length(w.word) >= " + TWO_EDITS_FROM + " THEN 2 * " + EDITS + " ELSE " + EDITS
            + " END AS most) e CROSS JOIN LATERAL ("
            + "(SELECT sw.word, sw.word <-> w.word AS distance FROM search_word sw"
            + " WHERE length(w.word) BETWEEN " + SearchTerms.MIN_PREFIX + " AND " + LONGEST_TYPED
            + " AND sw.word % w.word"
            + " ORDER BY distance LIMIT " + NEAREST + ")"
            + " UNION (SELECT sw.word, sw.word <-> w.word FROM search_word sw"
            + " WHERE length(w.word) BETWEEN " + SearchTerms.MIN_PREFIX + " AND " + LONGEST_TYPED
            + " AND left(sw.word, 2) = left(w.word, 2)"
            + " AND length(sw.word) BETWEEN length(w.word) - e.most AND length(w.word) + e.most"
            + " AND search_levenshtein(sw.word, w.word, 2 * e.most) <= 2 * e.most"
            + " ORDER BY search_levenshtein(sw.word, w.word, 2 * e.most), sw.word LIMIT " + NEAREST + ")"
            + " UNION (SELECT sw.word, sw.word <-> w.word FROM search_word sw, (SELECT " + END + " AS reversed) x"
            + " WHERE length(w.word) BETWEEN " + SearchTerms.MIN_PREFIX + " AND " + LONGEST_TYPED
            + " AND left(sw.word, 2) <> left(w.word, 2)"
            + " AND length(sw.word) = ANY (" + LENGTHS + ")"
            + " AND reverse(sw.word) COLLATE \"C\" >= x.reversed"
            + " AND reverse(sw.word) COLLATE \"C\" < x.reversed || chr(1114111)"
            + " AND search_levenshtein(sw.word, w.word, 2 * e.most) <= 2 * e.most"
            + " ORDER BY search_levenshtein(sw.word, w.word, 2 * e.most), sw.word LIMIT " + NEAREST + ")) a) c"
            + " WHERE c.edits <= c.most OR c.distance <= " + (1 - LOOK_ALIKE)
            + " ORDER BY c.edits, c.distance LIMIT 3";
    /** Catalog words a known typed word begins, at most this many (the shortest): "character" -> "characters". */
    static final int BEGUN_AT_MOST = 5;
    /**
     * The catalog's words that a typed catalog word {@code w.word} begins, the {@link #BEGUN_AT_MOST} shortest: one
     * range of V26's index {@code search_word_start_c_idx} (the "C" collation, so that "begins with" is a range), from
     * the word to the word followed by the last code point, which every text beginning with the word sorts before.
     */
    static final String BEGUN = "SELECT sw.word FROM search_word sw"
            + " WHERE length(w.word) >= " + SearchTerms.MIN_PREFIX
            + " AND sw.word COLLATE \"C\" > CAST(w.word AS text) COLLATE \"C\""
            + " AND sw.word COLLATE \"C\" < CAST(w.word || chr(1114111) AS text) COLLATE \"C\""
            + " ORDER BY length(sw.word), sw.word LIMIT " + BEGUN_AT_MOST;
    /** A title's own words, written exactly as V20's index {@code title_folded_words_idx} is, so that it is used. */
    static final String TITLE_WORDS =
            "to_tsvector('simple', search_fold(coalesce(t.title, '') || ' ' || coalesce(t.subtitle, '')))";
    private static final String FILTER_ARGUMENTS = "CAST(:materialType AS text), CAST(:readingLevel AS text),"
            + " CAST(:language AS text), CAST(:siteCode AS text), CAST(:available AS boolean)";

    public record Filters(String siteCode, String materialType, Boolean available, String readingLevel,
                          String language) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public SearchView search(String query, Filters filters, int page, int size) {
        SearchTerms terms = SearchTerms.of(query);
        int candidates = Math.max(candidatesAtMost, (page + 1) * size);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder filter = new StringBuilder();
        if (filters.materialType() != null) {
            filter.append(" AND t.material_type = CAST(:materialType AS text)");
        }
        if (filters.readingLevel() != null) {
            filter.append(" AND t.reading_level = CAST(:readingLevel AS text)");
        }
        if (filters.language() != null) {
            filter.append(" AND t.language = CAST(:language AS text)");
        }
        if (filters.siteCode() != null) {
            // the sites holding the title, GIN-indexed: the site's bitmap meets the words' bitmap (BitmapAnd)
            filter.append(" AND t.holding_sites @> ARRAY[CAST(:siteCode AS text)]");
        }
        if (Boolean.TRUE.equals(filters.available())) {
            // most copies are available: once words and site have chosen the titles, a probe or two per title
            filter.append(" AND EXISTS (SELECT 1 FROM copy c WHERE c.title_id = t.id AND c.status = 'AVAILABLE'");
            if (filters.siteCode() != null) {
                filter.append(" AND c.site_code = CAST(:siteCode AS text)");
            }
            filter.append(")");
        }
        params.put("materialType", filters.materialType() == null ? null : filters.materialType().toUpperCase());
        params.put("readingLevel", filters.readingLevel());
        params.put("language", filters.language() == null ? null : filters.language().strip().toLowerCase(java.util.Locale.ROOT));
        params.put("siteCode", filters.siteCode() == null ? null : filters.siteCode().toUpperCase());
        params.put("available", Boolean.TRUE.equals(filters.available()));
        params.put("cap", candidates);

        String candidateIds;
        String score;
        String estimate;
        String capped;
        if (terms.isEmpty()) {
            candidateIds = "found AS MATERIALIZED (SELECT t.id FROM title t WHERE TRUE" + filter + " LIMIT :cap),"
                    + " typo AS (SELECT CAST(NULL AS uuid) AS id WHERE FALSE),"
                    + " typo_broad AS (SELECT CAST(NULL AS uuid) AS id WHERE FALSE),";
            score = "0";
            estimate = "title_search_estimate(NULL, NULL, NULL, " + FILTER_ARGUMENTS + ")";
            capped = "(SELECT count(*) FROM found) >= :cap";
        } else {
            params.put("tsq", terms.exactTsQuery());
            params.put("rankTsq", terms.prefixTsQuery());
            params.put("text", terms.text());
            params.put("isbn", terms.isbn13().map(i -> new String[]{i}).orElse(new String[0]));
            params.put("pageSize", size);
            params.put("words", terms.matchWords().toArray(String[]::new));
            // the words as typed (or the ISBN): first in the titles' own words (title and subtitle, V15's index),
            // then, when those are fewer than the candidates, anywhere in the record (authors, series, subjects), so
            // a common word's candidates are the titles that hold it in their title before those holding it only
            // among their subjects; then, when all of them find less than a page, each word of four letters or more
            // that is not a catalog word also as a prefix and as the catalog's three words most like it (LOOK_ALIKES);
            // a catalog word stands for itself and the five shortest catalog words it begins (BEGUN), named: a common
            // word's prefix unions every posting list it begins (140-180 ms for "fictitious:* & character:*" at a
            // million titles, 4-8 ms for the words themselves), and its look-alikes would be a guess at a word the
            // reader did not mistype (50 ms of word-list probes each at 340,000 words). Only when that finds nothing
            // at all, the catalog words are looked for as prefixes and by their look-alikes too (typo_broad): "harr
            // pott" when "pott" is a catalog word (a surname) and "potter" not among the words it begins first, or
            // a misspelling some record holds. The query is folded
            // (search_fold, V20: unaccent with its dictionary) as the stored vectors, index and word list are: "garcia"
            // finds "García" and "educación" finds "Educacion"
            candidateIds = "in_title AS MATERIALIZED (SELECT t.id FROM title t WHERE (" + TITLE_WORDS
                    + " @@ to_tsquery('simple', search_fold(:tsq)) OR t.isbn13s && CAST(:isbn AS text[]))" + filter
                    + " LIMIT :cap),"
                    + " elsewhere AS MATERIALIZED (SELECT t.id FROM title t"
                    + " WHERE t.search_vector @@ to_tsquery('simple', search_fold(:tsq))" + filter
                    + " AND (SELECT count(*) FROM in_title) < :cap LIMIT :cap),"
                    + " found AS MATERIALIZED (SELECT id FROM in_title UNION SELECT id FROM elsewhere),"
                    + " typed AS MATERIALIZED (SELECT f.word, f.ord,"
                    + " EXISTS (SELECT 1 FROM search_word k WHERE k.word = f.word) AS known"
                    + " FROM (SELECT search_fold(u.word) AS word, u.ord"
                    + " FROM unnest(CAST(:words AS text[])) WITH ORDINALITY AS u(word, ord)) f),"
                    + " careful AS MATERIALIZED (SELECT w.ord, w.known,"
                    + " '(' || string_agg(DISTINCT s.word, ' | ') || ')' AS alternatives FROM typed w"
                    + " CROSS JOIN LATERAL (SELECT CASE WHEN length(w.word) >= " + SearchTerms.MIN_PREFIX
                    + " AND NOT w.known THEN w.word || ':*' ELSE w.word END AS word UNION ALL"
                    + " SELECT b.word FROM (" + BEGUN + ") b WHERE w.known UNION ALL"
                    + " SELECT n.word FROM (" + LOOK_ALIKES + ") n WHERE NOT w.known) s GROUP BY w.ord, w.known),"
                    + " fixed AS (SELECT string_agg(alternatives, ' & ' ORDER BY ord) AS q FROM careful),"
                    + " typo AS MATERIALIZED (SELECT t.id FROM title t"
                    + " WHERE t.search_vector @@ to_tsquery('simple', (SELECT q FROM fixed))" + filter
                    + " AND (SELECT count(*) FROM found) < :pageSize LIMIT :cap),"
                    + " broad AS (SELECT string_agg(CASE WHEN c.known THEN (SELECT '(' || string_agg(DISTINCT s.word,"
                    + " ' | ') || ')' FROM (SELECT CASE WHEN length(w.word) >= " + SearchTerms.MIN_PREFIX
                    + " THEN w.word || ':*' ELSE w.word END AS word UNION ALL SELECT n.word FROM (" + LOOK_ALIKES
                    + ") n) s) ELSE c.alternatives END, ' & ' ORDER BY c.ord) AS q"
                    + " FROM careful c JOIN typed w ON w.ord = c.ord),"
                    + " typo_broad AS MATERIALIZED (SELECT t.id FROM title t"
                    + " WHERE t.search_vector @@ to_tsquery('simple', (SELECT q FROM broad))" + filter
                    + " AND (SELECT count(*) FROM found) = 0 AND (SELECT count(*) FROM typo) = 0"
                    + " AND (SELECT bool_or(known) FROM typed) LIMIT :cap),";
            score = "ts_rank(t.search_vector, to_tsquery('simple', search_fold(:rankTsq)))"
                    + " + word_similarity(search_fold(:text), t.search_text)";
            estimate = "title_search_estimate(CASE WHEN (SELECT count(*) FROM typo_broad) > 0"
                    + " THEN (SELECT q FROM broad)"
                    + " WHEN (SELECT count(*) FROM typo) > 0 THEN (SELECT q FROM fixed)"
                    + " ELSE search_fold(:tsq) END, NULL, CAST(:isbn AS text[]), " + FILTER_ARGUMENTS + ")";
            capped = "(SELECT count(*) FROM in_title) >= :cap OR (SELECT count(*) FROM elsewhere) >= :cap"
                    + " OR (SELECT count(*) FROM typo) >= :cap OR (SELECT count(*) FROM typo_broad) >= :cap";
        }
        String sql = "WITH " + candidateIds
                + " cand AS MATERIALIZED (SELECT t.id, t.title, t.subtitle, t.authors, t.material_type,"
                + " t.publication_year, coalesce(t.call_number, t.dewey_number) AS call_number, t.language,"
                + " t.reading_level, t.series, t.isbns, t.holding_sites, (" + score + ") AS score FROM title t"
                + " WHERE t.id IN (SELECT id FROM found UNION SELECT id FROM typo UNION SELECT id FROM typo_broad)),"
                + " page AS MATERIALIZED (SELECT * FROM cand ORDER BY score DESC, title, id LIMIT :limit OFFSET :offset),"
                + " capped AS (SELECT " + capped + " AS yes)"
                + " SELECT CAST(json_build_object("
                + " 'counted', (SELECT count(*) FROM cand),"
                + " 'estimate', CASE WHEN (SELECT yes FROM capped) THEN " + estimate + " END,"
                + " 'hits', (SELECT coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'subtitle',"
                + " p.subtitle, 'authors', p.authors, 'materialType', p.material_type, 'year', p.publication_year,"
                + " 'callNumber', p.call_number, 'language', p.language, 'readingLevel', p.reading_level,"
                + " 'series', p.series, 'isbns', p.isbns, 'score', p.score) ORDER BY p.score DESC, p.title, p.id),"
                + " '[]') FROM page p),"
                + " 'availability', (SELECT coalesce(json_agg(json_build_object('titleId', a.title_id, 'siteCode',"
                + " a.site_code, 'copies', a.copies, 'available', a.available) ORDER BY a.site_code), '[]') FROM ("
                + " SELECT c.title_id, c.site_code, count(*) AS copies,"
                + " count(*) FILTER (WHERE c.status = 'AVAILABLE') AS available FROM copy c"
                + " WHERE c.title_id IN (SELECT id FROM page) AND c.status <> 'WITHDRAWN'"
                + " AND (CAST(:siteCode AS text) IS NULL OR c.site_code = CAST(:siteCode AS text))"
                + " GROUP BY c.title_id, c.site_code) a),"
                + " 'materialType', " + facet("material_type", 20)
                + " 'language', " + facet("language", 20)
                + " 'readingLevel', " + facet("reading_level", 20)
                + " 'siteCode', (SELECT coalesce(json_agg(json_build_object('value', f.v, 'count', f.n)"
                + " ORDER BY f.n DESC, f.v), '[]') FROM (SELECT h.site AS v, count(*) AS n"
                + " FROM cand, unnest(cand.holding_sites) AS h(site)"
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50) f)) AS text)";
        Query q = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                q.setParameter(name, value);
            }
        });
        q.setParameter("limit", size).setParameter("offset", page * size);
        return view(query, page, size, (String) q.getSingleResult());
    }

    /** Counts of one column's values over the candidates, the commonest first. */
    private static String facet(String column, int limit) {
        return "(SELECT coalesce(json_agg(json_build_object('value', f.v, 'count', f.n) ORDER BY f.n DESC, f.v),"
                + " '[]') FROM (SELECT " + column + " AS v, count(*) AS n FROM cand WHERE " + column
                + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + limit + ") f),";
    }

    private SearchView view(String query, int page, int size, String answer) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("search answer unreadable", e);
        }
        long counted = root.path("counted").asLong();
        boolean estimated = !root.path("estimate").isNull() && !root.path("estimate").isMissingNode();
        long total = estimated ? Math.max(counted, root.path("estimate").asLong()) : counted;

        Map<UUID, List<SearchView.SiteAvailability>> availability = new LinkedHashMap<>();
        for (JsonNode a : root.path("availability")) {
            availability.computeIfAbsent(UUID.fromString(a.path("titleId").asText()), k -> new ArrayList<>())
                    .add(new SearchView.SiteAvailability(a.path("siteCode").asText(), a.path("copies").asInt(),
                            a.path("available").asInt()));
        }
        List<SearchView.Hit> hits = new ArrayList<>();
        for (JsonNode h : root.path("hits")) {
            UUID id = UUID.fromString(h.path("id").asText());
            List<SearchView.SiteAvailability> sites = availability.getOrDefault(id, List.of());
            hits.add(new SearchView.Hit(id, h.path("title").asText(), text(h, "subtitle"), strings(h, "authors"),
                    text(h, "materialType"), h.path("year").isNumber() ? h.path("year").asInt() : null,
                    text(h, "callNumber"), text(h, "language"), text(h, "readingLevel"), text(h, "series"),
                    strings(h, "isbns"), h.path("score").asDouble(),
                    sites.stream().mapToInt(SearchView.SiteAvailability::available).sum(), sites));
        }
        Map<String, List<SearchView.FacetCount>> facets = new LinkedHashMap<>();
        for (String name : List.of("materialType", "language", "readingLevel", "siteCode")) {
            List<SearchView.FacetCount> counts = new ArrayList<>();
            root.path(name).forEach(f -> counts.add(new SearchView.FacetCount(f.path("value").asText(),
                    f.path("count").asLong())));
            facets.put(name, counts);
        }
        return new SearchView(query, total, estimated, counted, page, size, hits, facets);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
