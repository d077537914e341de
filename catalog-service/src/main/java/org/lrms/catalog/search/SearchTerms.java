package org.lrms.catalog.search;

import org.lrms.catalog.title.Isbn;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a patron typed, made safe for PostgreSQL: words for a prefix full-text query ({@code holes:* & sachar:*}),
 * the lower-case text for trigram similarity (typos), and an ISBN when the query is one.
 */
public record SearchTerms(List<String> words, String text, Optional<String> isbn13) {

    static final int MAX_WORDS = 10;
    static final int MIN_PREFIX = 4;

    public static SearchTerms of(String query) {
        String raw = query == null ? "" : query.strip();
        Optional<String> isbn = Isbn.toIsbn13(raw);
        String folded = Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        return new SearchTerms(words, String.join(" ", words), isbn);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /**
     * Every word of four letters or more as a prefix: "hol sach" finds "Holes" by "Sachar". Shorter words are whole
     * words: as prefixes, "the" or "a" would stand for a large part of the dictionary and make the query read most of
     * the index.
     */
    public String prefixTsQuery() {
        return words.stream().map(w -> w.codePointCount(0, w.length()) >= MIN_PREFIX ? w + ":*" : w)
                .collect(Collectors.joining(" & "));
    }
}
