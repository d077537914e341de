package org.lrms.catalog.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchTermsTest {

    @Test
    void wordsBecomePrefixesAndOperatorsAreDropped() {
        SearchTerms terms = SearchTerms.of("  Harry & Pott!er's | (stone) ");
        assertEquals(List.of("harry", "pott", "er", "s", "stone"), terms.words());
        assertEquals("harry:* & pott:* & er & s & stone:*", terms.prefixTsQuery());
    }

    @Test
    void accentsAndOtherScriptsStayWords() {
        assertEquals(List.of("el", "niño", "пушкин"), SearchTerms.of("El Niño, Пушкин").words());
    }

    @Test
    void lettersAndNumbersTheAccentFoldingTurnsIntoPunctuationSeparateWords() {
        // search_fold (unaccent) makes "ʼ" an apostrophe, "ŉ" "'n", "½" " 1/2", "⑴" "(1)": in a word they would
        // break the full-text query
        SearchTerms terms = SearchTerms.of("Oʼbrien ŉ ½ ⑴ educación Ⅻ 2");
        assertEquals(List.of("o", "brien", "educación", "ⅻ", "2"), terms.words());
        assertEquals("o & brien:* & educación:* & ⅻ & 2", terms.prefixTsQuery());
    }

    @Test
    void anIsbnIsRecognisedInEitherForm() {
        assertEquals(Optional.of("9780440414803"), SearchTerms.of("0-440-41480-6").isbn13());
        assertEquals(Optional.empty(), SearchTerms.of("holes").isbn13());
    }

    @Test
    void emptyAndPunctuationOnlyQueriesAreEmpty() {
        assertTrue(SearchTerms.of(null).isEmpty());
        assertTrue(SearchTerms.of(" :*&|! ").isEmpty());
    }

    @Test
    void tooManyWordsAreCut() {
        assertEquals(SearchTerms.MAX_WORDS, SearchTerms.of("a b c d e f g h i j k l m").words().size());
    }

    @Test
    void commonWordsRankButDoNotChooseTitlesUnlessTheyAreAllThereIs() {
        SearchTerms title = SearchTerms.of("The Whale of the Knight Harbor");
        assertEquals("whale & knight & harbor", title.exactTsQuery());
        assertEquals("the & whale:* & of & the & knight:* & harbor:*", title.prefixTsQuery());
        assertEquals(List.of("whale", "knight", "harbor"), title.matchWords());
        assertEquals("el & de & la", SearchTerms.of("El de la").exactTsQuery());
    }
}
