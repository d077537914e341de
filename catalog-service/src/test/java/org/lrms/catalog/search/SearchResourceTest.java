package org.lrms.catalog.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SearchResourceTest {

    @Inject
    DataSource dataSource;

    String tag;
    String titleId;

    @BeforeEach
    void aCatalog() {
        CatalogFixtures.site("LHS");
        CatalogFixtures.site("MMS");
        // a word of letters only, unique to this test, so the search finds this title and no other
        tag = "zq" + java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        titleId = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "The Phantom Tollbooth " + tag, "authors", List.of("Norton Juster"),
                        "isbns", List.of("9780394820378"), "materialType", "BOOK", "language", "eng",
                        "readingLevel", "5.5", "subjects", List.of("Fantasy " + tag), "series", "Classics " + tag))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).extract().path("id");
        String lhs = CatalogFixtures.copy(titleId, "LHS");
        CatalogFixtures.copy(titleId, "LHS");
        CatalogFixtures.copy(titleId, "MMS");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "MISSING")).patch("/api/v1/copies/" + lhs).then().statusCode(200);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Tollbooth audio " + tag, "materialType", "AUDIOBOOK", "language", "spa"))
                .post("/api/v1/titles").then().statusCode(201);
    }

    @Test
    void anonymousKioskFindsTheTitleWithAvailabilityPerSite() {
        given().when().get("/api/v1/search?q=phantom tollbooth " + tag)
                .then().statusCode(200)
                .body("results[0].id", equalTo(titleId))
                .body("results[0].availableCopies", equalTo(2))
                .body("results[0].availability.find { it.siteCode == 'LHS' }.copies", equalTo(2))
                .body("results[0].availability.find { it.siteCode == 'LHS' }.available", equalTo(1))
                .body("results[0].availability.find { it.siteCode == 'MMS' }.available", equalTo(1))
                .body("results[0].patron", nullValue())
                .body("results[0].barcode", nullValue());
    }

    @Test
    void aLanguageTypedInCapitalsIsStoredAsTheMarcCodeAndFoundEitherWay() {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Capital letters " + tag, "language", "FRE"))
                .post("/api/v1/titles").then().statusCode(201).body("language", equalTo("fre")).extract().path("id");
        for (String language : List.of("FRE", "fre")) {
            given().when().get("/api/v1/search?q=capital " + tag + "&language=" + language).then().statusCode(200)
                    .body("results.id", equalTo(List.of(id))).body("results[0].language", equalTo("fre"));
        }
        for (String bad : List.of("french", "f1e", "fr")) {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Bad language " + tag, "language", bad))
                    .post("/api/v1/titles").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("language"));
        }
        given().when().get("/api/v1/search?q=bad language " + tag).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPageThatIsNoNumberIsA400NamingIt() {
        given().when().get("/api/v1/search?q=" + tag + "&page=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page")).body("errors[0].message", containsString("whole number"));
    }

    @Test
    void authorSubjectSeriesIsbnAndPrefixesFindIt() {
        for (String q : List.of("juster " + tag, "fantasy " + tag, "classics " + tag, "phant " + tag)) {
            given().when().get("/api/v1/search?q=" + q).then().statusCode(200).body("results.id", hasItem(titleId));
        }
        given().when().get("/api/v1/search?q=0-394-82037-1").then().statusCode(200)
                .body("results.id", hasItem(titleId));
    }

    @Test
    void aWholeTitleTypedWithItsCommonWordsFindsItFirst() {
        String other = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Tollbooth Phantom " + tag, "materialType", "BOOK"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/search?q=The Phantom Tollbooth of the " + tag)
                .then().statusCode(200)
                .body("results[0].id", equalTo(titleId))
                .body("results.id", hasItem(other));
    }

    @Test
    void aTypoStillFindsTheBook() {
        given().when().get("/api/v1/search?q=phantom tolbooth " + tag)
                .then().statusCode(200).body("results.id", hasItem(titleId));
    }

    @Test
    void aWordOneEditAwayStandsForTheCatalogWordAsDidYouMeanDoes() {
        String history = title("A History of Magic " + tag);
        String wizard = title("The Wizard of Earthsea " + tag);
        String potter = title("Harry Potter and the Philosopher's Stone " + tag);
        String encyclopedia = title("Children's Encyclopedia " + tag);
        // two letters swapped: trigram similarity alone (0.33, 0.27) is under the look-alike bar
        given().when().get("/api/v1/search?q=histroy " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(history)));
        given().when().get("/api/v1/search?q=wizrad " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(wizard)));
        // a letter dropped in one word, two swapped in the other
        given().when().get("/api/v1/search?q=hary potetr " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(potter)));
        // a letter changed, added, dropped
        for (String q : List.of("wizerd", "wizzard", "histry")) {
            given().when().get("/api/v1/search?q=" + q + " " + tag).then().statusCode(200)
                    .body("results.id", hasItem(q.startsWith("wiz") ? wizard : history));
        }
        // a word of eight letters or more may be two edits away
        given().when().get("/api/v1/search?q=encyclpoedai " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(encyclopedia)));
        // a shorter one may not, and an unrelated word finds nothing
        for (String q : List.of("hsitroy", "wzirad", "gardening")) {
            given().when().get("/api/v1/search?q=" + q + " " + tag).then().statusCode(200)
                    .body("results", empty()).body("total", equalTo(0));
        }
        // the word found exactly still wins over its look-alikes: no correction is looked for
        given().when().get("/api/v1/search?q=wizard " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(wizard)));
    }

    @Test
    void aWordMistypedInItsFirstLettersStandsForTheCatalogWordToo() {
        String history = title("A History of Magic " + tag);
        String wizard = title("The Wizard of Earthsea " + tag);
        String potter = title("Harry Potter and the Philosopher's Stone " + tag);
        String encyclopedia = title("Children's Encyclopedia " + tag);
        // two letters swapped among the first three: no catalog word starts with "hr" or "hs"
        given().when().get("/api/v1/search?q=hrary potter " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(potter)));
        given().when().get("/api/v1/search?q=hsitory " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(history)));
        // the first letter dropped, the second dropped, the first changed
        for (String q : List.of("istory", "wzard", "gistory")) {
            given().when().get("/api/v1/search?q=" + q + " " + tag).then().statusCode(200)
                    .body("results.id", equalTo(List.of(q.startsWith("w") ? wizard : history)));
        }
        // a long word, its first letter dropped and two letters swapped after it: two edits
        given().when().get("/api/v1/search?q=nycclopedia " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(encyclopedia)));
        // ending as a catalog word does is not enough: two edits in a word of six letters, a short unrelated word, a
        // word ending as "history" does, two swaps in a word of seven letters, one of them at its start
        for (String q : List.of("xyzard", "qzvb", "factory", "ihstroy")) {
            given().when().get("/api/v1/search?q=" + q + " " + tag).then().statusCode(200)
                    .body("results", empty()).body("total", equalTo(0));
        }
    }

    @Test
    void aCatalogWordStandsForItselfAndTheWordsItBeginsNotForItsLookAlikes() throws Exception {
        String lizard = title("Lizard Tales " + tag);
        title("Wizard Tales " + tag);
        String walrus = title("Walrus Characters " + tag);
        String building = title("Character Building " + tag);
        // "lizard" is a catalog word: it was not mistyped, so "wizard" (one edit away) does not stand for it
        given().when().get("/api/v1/search?q=lizard tales " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(lizard)));
        // "lizrd" is none: it stands for its look-alikes
        given().when().get("/api/v1/search?q=lizrd tales " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(lizard)));
        // "character" is one, and stands for the catalog words it begins too ("characters"), named one by one
        given().when().get("/api/v1/search?q=walrus character " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(walrus)));
        given().when().get("/api/v1/search?q=character " + tag).then().statusCode(200)
                .body("results.id", containsInAnyOrder(walrus, building));
        // when the catalog words standing for themselves find nothing at all, they are prefixes and typos again:
        // "pott" is a catalog word, and the five words it begins first are not "potter"
        String potter = title("Harry Potter and the Goblet " + tag);
        title("Pott Potts Potty Potto Potta Potte " + tag);
        given().when().get("/api/v1/search?q=harr pott " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(potter)));
        // a word longer than any catalog word is no typo of one (and no error of the edit distance's)
        given().when().get("/api/v1/search?q=" + "a".repeat(260) + " " + tag).then().statusCode(200)
                .body("results", empty());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_seqscan = off");
                List<String> begun = new java.util.ArrayList<>();
                try (ResultSet r = st.executeQuery("SELECT b.word FROM (VALUES ('character')) AS w(word),"
                        + " LATERAL (" + CatalogSearch.BEGUN + ") b")) {
                    while (r.next()) {
                        begun.add(r.getString(1));
                    }
                }
                assertThat(begun, equalTo(List.of("characters")));
                // one range of V26's index in the "C" collation, whatever the database's collation
                StringBuilder plan = new StringBuilder();
                try (ResultSet r = st.executeQuery("EXPLAIN SELECT b.word FROM (VALUES ('character')) AS w(word),"
                        + " LATERAL (" + CatalogSearch.BEGUN + ") b")) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString(), containsString("search_word_start_c_idx"));
                assertThat(plan.toString(), not(containsString("Seq Scan")));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theWordsEndingAsATypedWordAreOneRangeOfTheEndIndex() throws Exception {
        // the test catalog's word list is too short for the planner to prefer any index: without sequential scans it
        // must still find one for each branch, which it can only if the query writes the index's expressions (V24's
        // reversed word in the "C" collation); at 356,000 words it takes them unasked (README)
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                List<String> plan = new java.util.ArrayList<>();
                try (ResultSet r = s.executeQuery("EXPLAIN SELECT (SELECT string_agg(n.word, ' | ') FROM ("
                        + CatalogSearch.LOOK_ALIKES + ") n) FROM (VALUES ('hrary')) AS w(word)")) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
                assertThat(plan.toString(), containsString("search_word_start_idx"));
                // the trigram look-alikes from V25's GIN index (a GiST one read itself almost whole per typed word):
                // on so short a list a whole scan of a btree index filtered by % may cost less, so only bitmap scans
                // are left to the planner here, and % is a condition of the trigram index alone
                StringBuilder bitmaps = new StringBuilder();
                s.execute("SET LOCAL enable_indexscan = off");
                s.execute("SET LOCAL enable_indexonlyscan = off");
                try (ResultSet r = s.executeQuery("EXPLAIN SELECT (SELECT string_agg(n.word, ' | ') FROM ("
                        + CatalogSearch.LOOK_ALIKES + ") n) FROM (VALUES ('hrary')) AS w(word)")) {
                    while (r.next()) {
                        bitmaps.append(r.getString(1)).append('\n');
                    }
                }
                s.execute("RESET enable_indexscan");
                s.execute("RESET enable_indexonlyscan");
                assertThat(bitmaps.toString(), containsString("Bitmap Index Scan on search_word_trgm_idx"));
                try (ResultSet r = s.executeQuery(
                        "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_word_trgm_idx'")) {
                    assertThat(r.next(), equalTo(true));
                    assertThat(r.getString(1), containsString("USING gin (word gin_trgm_ops)"));
                }
                int end = plan.indexOf(plan.stream().filter(l -> l.contains("search_word_end_idx")).findFirst()
                        .orElseThrow(() -> new AssertionError("no scan of search_word_end_idx in " + plan)));
                // the lengths and the reversed end are the index's conditions, not a filter of every entry
                assertThat(plan.get(end + 1), matchesPattern(
                        "\\s*Index Cond: \\(+length\\(word\\)\\)* = ANY .* AND \\(+reverse\\(word\\)\\)*(::text)? >= .*"));
                assertThat(plan.toString(), not(containsString("Seq Scan")));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theEditDistanceIsCalledWithTheSchemaOfFuzzystrmatch() throws Exception {
        // whatever the search_path of the service's connections: the schema is written in search_levenshtein (V24)
        assertThat(CatalogSearch.LOOK_ALIKES, not(containsString("levenshtein_less_equal")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_get_functiondef('search_levenshtein'::regproc),"
                     + " quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                     + " WHERE e.extname = 'fuzzystrmatch'")) {
            assertThat(r.next(), equalTo(true));
            assertThat(r.getString(1), containsString(r.getString(2) + ".levenshtein_less_equal($1, $2, $3)"));
        }
    }

    private String title(String name) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", name, "materialType", "BOOK"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
    }

    @Test
    void filtersAndFacets() {
        given().when().get("/api/v1/search?q=tollbooth " + tag)
                .then().statusCode(200).body("total", equalTo(2))
                .body("totalIsEstimate", equalTo(false)).body("facetsCounted", equalTo(2))
                .body("facets.materialType.find { it.value == 'BOOK' }.count", equalTo(1))
                .body("facets.materialType.find { it.value == 'AUDIOBOOK' }.count", equalTo(1))
                .body("facets.language.value", hasItem("spa"))
                .body("facets.siteCode.find { it.value == 'LHS' }.count", equalTo(1));
        given().when().get("/api/v1/search?q=tollbooth " + tag + "&materialType=audiobook")
                .then().statusCode(200).body("total", equalTo(1)).body("results[0].materialType",
                        equalTo("AUDIOBOOK"));
        given().when().get("/api/v1/search?q=tollbooth " + tag + "&siteCode=MMS&available=true")
                .then().statusCode(200).body("total", equalTo(1)).body("results[0].id", equalTo(titleId))
                .body("results[0].availability.siteCode", equalTo(List.of("MMS")));
        given().when().get("/api/v1/search?q=tollbooth " + tag + "&readingLevel=5.5&language=eng")
                .then().statusCode(200).body("total", equalTo(1));
        given().when().get("/api/v1/search?q=tollbooth " + tag + "&siteCode=NOPE")
                .then().statusCode(200).body("results", empty());
    }

    @Test
    void aQueryMatchingMoreThanTheCandidatesSaysItsTotalIsAnEstimate() {
        // the test profile ranks and counts at most 5 candidates (catalog.search.candidates)
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Broad " + tag + " volume " + i, "materialType", "BOOK"))
                    .post("/api/v1/titles").then().statusCode(201);
        }
        given().when().get("/api/v1/search?size=2&q=" + tag)
                .then().statusCode(200)
                .body("totalIsEstimate", equalTo(true))
                .body("facetsCounted", equalTo(5))
                .body("total", greaterThanOrEqualTo(5))
                .body("results", hasSize(2))
                .body("facets.materialType.find { it.value == 'BOOK' }.count", lessThanOrEqualTo(5));
        // with a page larger than the matches (deep pages rank more candidates), every count is exact again, and
        // the exact match ranks first among its look-alikes
        given().when().get("/api/v1/search?size=20&q=" + tag + " volume 3")
                .then().statusCode(200).body("totalIsEstimate", equalTo(false))
                .body("results[0].title", equalTo("Broad " + tag + " volume 3"));
    }

    @Test
    void aWordInManyRecordsBringsTheTitlesHoldingItInTheirTitleFirst() {
        // the test profile ranks at most 5 candidates: eight titles holding the word only among their subjects are
        // stored before a third title holding it in its title, so the first five the whole index gives would leave
        // that one out before ranking
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                    .body(Map.of("title", "Seashore almanac " + i, "subjects", List.of("Tides " + tag),
                            "materialType", "BOOK"))
                    .post("/api/v1/titles").then().statusCode(201);
        }
        String lighthouse = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lighthouse", "subtitle", "A " + tag + " story", "materialType", "BOOK"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        List<String> titles = given().when().get("/api/v1/search?size=5&q=" + tag)
                .then().statusCode(200)
                .body("totalIsEstimate", equalTo(true))
                .body("results.id", hasItem(lighthouse))
                .extract().path("results.title");
        // the three titles holding the word in their title or subtitle outrank every one holding it in a subject
        assertThat(titles.subList(0, 3), everyItem(not(startsWith("Seashore almanac"))));
        assertThat(titles.subList(3, titles.size()), everyItem(startsWith("Seashore almanac")));
    }

    @Test
    void accentsDoNotCountOnEitherSide() {
        // stored with accents, asked without; stored without, asked with
        String accented = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Historia de la Educación " + tag, "authors", List.of("García Márquez, Gabriel"),
                        "materialType", "BOOK", "language", "spa"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        String plain = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Manual de educacion basica " + tag, "authors", List.of("Perez, Ana"),
                        "materialType", "AUDIOBOOK", "language", "spa"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");

        given().when().get("/api/v1/search?q=garcia " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(accented)));
        given().when().get("/api/v1/search?q=GARCÍA márquez " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(accented)));
        given().when().get("/api/v1/search?q=pérez " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(plain)));
        // both ways at once, with the facets of both titles as before
        given().when().get("/api/v1/search?q=educacion " + tag).then().statusCode(200)
                .body("total", equalTo(2)).body("results.id", containsInAnyOrder(accented, plain))
                .body("facets.materialType.find { it.value == 'BOOK' }.count", equalTo(1))
                .body("facets.materialType.find { it.value == 'AUDIOBOOK' }.count", equalTo(1))
                .body("facets.language.find { it.value == 'spa' }.count", equalTo(2));
        given().when().get("/api/v1/search?q=educación " + tag).then().statusCode(200)
                .body("total", equalTo(2)).body("results.id", containsInAnyOrder(accented, plain));
        // ranking still reads the words: the whole title asked without accents comes first
        given().when().get("/api/v1/search?q=historia de la educacion " + tag).then().statusCode(200)
                .body("results[0].id", equalTo(accented));
        // typos and prefixes still work on folded words: "educacon" is a look-alike of "educacion", "marq" a prefix
        given().when().get("/api/v1/search?q=educacón " + tag + "&size=20").then().statusCode(200)
                .body("results.id", hasItem(accented));
        given().when().get("/api/v1/search?q=marq " + tag).then().statusCode(200)
                .body("results.id", equalTo(List.of(accented)));
        // letters the folding turns into punctuation do not break the query
        given().when().get("/api/v1/search?q=" + tag + " oʼbrien ŉ ½ ⑴").then().statusCode(200);
    }

    @Test
    void nonsenseFindsNothingAndBadParametersAre400s() {
        given().when().get("/api/v1/search?q=xqzwv" + tag + "jjj").then().statusCode(200)
                .body("results", empty()).body("total", equalTo(0));
        given().when().get("/api/v1/search?q=a&size=1000").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().when().get("/api/v1/search?materialType=scroll").then().statusCode(400)
                .body("errors[0].field", equalTo("materialType"));
        given().when().get("/api/v1/search?q=%3A*%26%7C!(").then().statusCode(200);
        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/search?q=" + tag)
                .then().statusCode(200).body("total", greaterThanOrEqualTo(1))
                .body("results.id", not(empty()));
    }
}
