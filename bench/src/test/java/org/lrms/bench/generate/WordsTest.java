package org.lrms.bench.generate;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordsTest {

    private static DistrictGenerator generator(int titles) {
        return new DistrictGenerator(Scale.named("small").with(null, null, titles, null), 11, "jdbc:none",
                "jdbc:none", "u", "p");
    }

    /** The words the catalog's word list keeps ({@code search_word}: letters only, 4 to 60) of the first titles. */
    static Set<String> distinctWords(DistrictGenerator g, int titles) {
        Set<String> words = new HashSet<>();
        for (int i = 0; i < titles; i++) {
            DistrictGenerator.TitleRecord t = g.title(i);
            String text = t.title() + " " + Objects.toString(t.subtitle(), "") + " " + t.author() + " " + t.subject();
            for (String word : text.toLowerCase().split("[^a-z]+")) {
                if (word.length() >= 4 && word.length() <= 60) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    @Test
    void theCatalogHoldsALongTailOfWords() {
        // 1,000,000 titles hold about 340,000 (README, "Generated data"); the first 100,000 about 95,000, where the
        // curated vocabulary alone gave 246 at any scale
        int distinct = distinctWords(generator(100_000), 100_000).size();
        assertTrue(distinct > 80_000 && distinct < 110_000, distinct + " distinct words in 100,000 titles");
    }

    @Test
    void pseudoWordsAreLowerCaseLettersOfFourToTwelve() {
        for (int rank = 0; rank < 20_000; rank++) {
            String word = Words.titleWord(rank);
            assertTrue(word.matches("[a-z]+"), word);
            assertTrue(word.length() >= (rank < Words.TITLE.length ? 3 : 4) && word.length() <= 12, word);
            assertTrue(Words.surname(rank).matches(rank < Words.LAST.length ? "[A-Z][a-z]+" : "[A-Z][a-z]{3,11}"),
                    Words.surname(rank));
            assertTrue(Words.firstName(rank).matches("[A-Z][a-z]+"), Words.firstName(rank));
        }
        assertEquals("adventure", Words.titleWord(0));
        assertEquals(Words.titleWord(12_345), Words.titleWord(12_345));
        assertNotEquals(Words.titleWord(12_345), Words.titleWord(12_346));
    }

    @Test
    void ranksFollowZipfsLaw() {
        SplittableRandom random = new SplittableRandom(5);
        int draws = 1_000_000;
        int[] low = new int[4];
        int curated = 0;
        for (int i = 0; i < draws; i++) {
            int rank = Words.zipfRank(Words.TITLE_RANKS, random);
            assertTrue(rank >= 0 && rank < Words.TITLE_RANKS);
            if (rank < low.length) {
                low[rank]++;
            }
            curated += rank < Words.TITLE.length ? 1 : 0;
        }
        // rank k about 1 / (k + 1.5): the first twice as often as the third, three times the fifth
        double lnRanks = Math.log(Words.TITLE_RANKS + 1.0);
        assertEquals(Math.log(2) / lnRanks, low[0] / (double) draws, 0.002);
        assertEquals(Math.log(4.0 / 3) / lnRanks, low[2] / (double) draws, 0.002);
        assertEquals(Math.log(Words.TITLE.length + 1.0) / lnRanks, curated / (double) draws, 0.005);
    }

    @Test
    void titleWordsLeaveTheFunctionWordsRanksOut() {
        SplittableRandom random = new SplittableRandom(6);
        int draws = 1_000_000;
        int first = 0;
        int curated = 0;
        for (int i = 0; i < draws; i++) {
            int rank = Words.zipfRank(Words.TITLE_RANKS, Words.TITLE_SHIFT, random);
            assertTrue(rank >= 0 && rank < Words.TITLE_RANKS);
            first += rank == 0 ? 1 : 0;
            curated += rank < Words.TITLE.length ? 1 : 0;
        }
        // rank k about 1 / (k + shift + 1.5): the commonest content word under 1 % of the draws (8.7 % unshifted)
        double base = 1.0 + Words.TITLE_SHIFT;
        double ln = Math.log((Words.TITLE_RANKS + base) / base);
        assertEquals(Math.log((base + 1) / base) / ln, first / (double) draws, 0.001);
        assertTrue(first / (double) draws < 0.01);
        assertEquals(Math.log((Words.TITLE.length + base) / base) / ln, curated / (double) draws, 0.005);
        // and the shift 0 is the law above
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Words.zipfRank(Words.TITLE_RANKS, a), Words.zipfRank(Words.TITLE_RANKS, 0, b));
        }
    }

    @Test
    void theSameRandomSourceGivesTheSameRecords() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom a = new SplittableRandom(seed);
            SplittableRandom b = new SplittableRandom(seed);
            assertEquals(Words.title(a) + Words.subtitle(a) + Words.person(a) + Words.subject(a),
                    Words.title(b) + Words.subtitle(b) + Words.person(b) + Words.subject(b));
        }
        assertEquals(generator(1_000).searchQuery(3, new SplittableRandom(2)),
                generator(1_000).searchQuery(3, new SplittableRandom(2)));
    }

    @Test
    void subjectsAreCuratedOrTopical() {
        SplittableRandom random = new SplittableRandom(9);
        int curated = 0;
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String subject = Words.subject(random);
            subjects.add(subject);
            if (List.of(Words.SUBJECTS).contains(subject)) {
                curated++;
            } else {
                assertTrue(subject.matches("[A-Z][a-z]+ (family|Island|River|\\((Imaginary place|Legendary character|"
                        + "Fictitious language|Fictitious character|Mythical creature)\\))"), subject);
            }
        }
        assertEquals(5_000, curated, 150);
        assertTrue(subjects.size() > 2_000, subjects.size() + " subjects");
    }

    @Test
    void misspellingsAreOneEditAway() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            String word = Words.titleWord(200 + i);
            String typo = Words.misspelled(word, random);
            if (word.length() < 5) {
                assertEquals(word, typo);
                continue;
            }
            assertNotEquals(word, typo);
            assertTrue(oneEditAway(word, typo), word + " -> " + typo);
        }
    }

    /** One letter dropped, one doubled, or two neighbours swapped. */
    private static boolean oneEditAway(String word, String typo) {
        if (typo.length() == word.length() - 1 || typo.length() == word.length() + 1) {
            String longer = typo.length() > word.length() ? typo : word;
            String shorter = typo.length() > word.length() ? word : typo;
            for (int i = 0; i < longer.length(); i++) {
                if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                    return true;
                }
            }
            return false;
        }
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != typo.charAt(i)) {
                differ.add(i);
            }
        }
        return differ.size() == 2 && differ.get(1) == differ.get(0) + 1
                && word.charAt(differ.get(0)) == typo.charAt(differ.get(1))
                && word.charAt(differ.get(1)) == typo.charAt(differ.get(0));
    }

    @Test
    void theSearchFeedMixesEveryKindOfQuery() {
        DistrictGenerator g = generator(20_000);
        SplittableRandom random = new SplittableRandom(99);
        int isbns = 0;
        int filtered = 0;
        for (int k = 0; k < 800; k++) {
            String query = g.searchQuery(k, random);
            assertTrue(query.startsWith("q="), query);
            String q = URLDecoder.decode(query.substring(2).split("&")[0], StandardCharsets.UTF_8);
            assertTrue(!q.isBlank(), query);
            isbns += q.matches("978\\d{10}") ? 1 : 0;
            filtered += query.contains("&materialType=BOOK&siteCode=S") ? 1 : 0;
        }
        assertEquals(100, isbns);
        assertEquals(100, filtered);
    }
}
