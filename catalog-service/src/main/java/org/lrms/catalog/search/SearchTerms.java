package org.lrms.catalog.search;

import org.lrms.catalog.title.Isbn;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a patron typed, made safe for PostgreSQL: words for a prefix full-text query ({@code holes:* & sachar:*}),
 * the lower-case text for trigram similarity (typos), and an ISBN when the query is one. Accents are kept here: the
 * search folds the words in the database ({@code search_fold}), as the stored text is folded.
 */
public record SearchTerms(List<String> words, String text, Optional<String> isbn13) {

    static final int MAX_WORDS = 10;
    static final int MIN_PREFIX = 4;

    /**
     * Words almost every title has (English and Spanish articles, conjunctions, prepositions): each stands for most of
     * the catalog in the full-text index, so reading them made a whole title typed as a query five times slower than
     * its other words alone. They do not choose titles, the other words do; they still rank them (an exact title comes
     * first). A query of nothing else keeps them.
     */
    static final Set<String> COMMON_WORDS = Set.of("a", "an", "and", "at", "by", "for", "from", "in", "into", "of",
            "on", "or", "the", "to", "with", "de", "del", "el", "en", "la", "las", "los", "un", "una", "y");

    /**
     * What separates words: anything but letters and digits, and the few letters and numbers the database's accent
     * folding ({@code search_fold}, V20) turns into punctuation, which would break the full-text query built from
     * the words (unaccent.rules of PostgreSQL 15): the modifier letters "ʹ ʺ ʻ ʼ ʽ ˆ ˈ ˋ ː" (an apostrophe...), "ŉ"
     * ("'n"), and numbers other than digits ("½" becomes " 1/2", "⑴" "(1)").
     */
    private static final Pattern NOT_A_WORD = Pattern.compile("(?:[^\\p{L}\\p{Nd}\\p{Nl}]|[\\x{02B9}-\\x{02BD}\\x{02C6}\\x{02C8}\\x{02CB}\\x{02D0}\\x{0149}])+");

    public static SearchTerms of(String query) {
        String raw = query == null ? "" : query.strip();
        Optional<String> isbn = Isbn.toIsbn13(raw);
        String folded = Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        List<String> words = Arrays.stream(NOT_A_WORD.split(folded))
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
        return tsQuery(words);
    }

    /** The words that choose the titles: all but the {@link #COMMON_WORDS}, unless the query has nothing else. */
    public List<String> matchWords() {
        List<String> uncommon = words.stream().filter(w -> !COMMON_WORDS.contains(w)).toList();
        return uncommon.isEmpty() ? words : uncommon;
    }

    /**
     * The full-text query that chooses the titles first: {@link #matchWords()} as whole words. A whole word is a
     * posting list the index intersects cheaply; a prefix ({@code wizard:*}) gathers every word it begins into a
     * bitmap first, ten times the work for three common words. Prefixes come in with the look-alikes when the whole
     * words find less than a page ("hol sach" finds "Holes" by "Sachar" that way).
     */
    public String exactTsQuery() {
        return String.join(" & ", matchWords());
    }

    private static String tsQuery(List<String> words) {
        return words.stream().map(w -> w.codePointCount(0, w.length()) >= MIN_PREFIX ? w + ":*" : w)
                .collect(Collectors.joining(" & "));
    }
}
