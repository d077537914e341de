package org.lrms.catalog.title;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.testkit.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TitleResourceTest {

    @Test
    void lccnsAreKeptInLcsNormalizedFormOnCreateAndUpdate() {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("title", "Normalized " + UUID.randomUUID(), "lccn", "2001-12345"))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).body("lccn", equalTo("2001012345"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("title", "Normalized again", "lccn", "n 79-21164 /AC"))
                .put("/api/v1/titles/" + id + "?allowDuplicate=true").then().statusCode(200)
                .body("lccn", equalTo("n79021164"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("lccn", equalTo("n79021164"));
    }

    private static final String HOLES = """
            {"title":"Holes","authors":["Louis Sachar"],"isbns":["9780440414803"],"publisher":"Yearling",
             "publicationYear":2000,"materialType":"BOOK","deweyNumber":"FIC","subjects":["Juvenile fiction"]}
            """;

    @Test
    void staffCreatesATitleAndItsEventReachesKafka() {
        // other tests catalogue Holes too
        String id = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles?allowDuplicate=true")
                .then().statusCode(201)
                .body("title", equalTo("Holes"))
                .body("authors", hasItem("Louis Sachar"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("isbns", hasItem("9780440414803"));

        EventEnvelope event = awaitEvent(Topics.CATALOG_TITLES, id);
        assertEquals("TitleCreated", event.type());
        assertEquals("catalog-service", event.source());
        assertEquals("Holes", EventJson.payload(event, TitleCreated.class).title().title());
    }

    @Test
    void anonymousCallerGets401Problem() {
        given().contentType(ContentType.JSON).body(HOLES).when().post("/api/v1/titles")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void expiredTokenGets401() {
        given().auth().oauth2(TestTokens.expired()).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
                .then().statusCode(401);
    }

    @Test
    void studentCannotCreateTitles() {
        given().auth().oauth2(TestTokens.student("LHS")).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void missingTitleIsA400ThatNamesTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("{\"authors\":[\"X\"]}")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-body"));
    }

    @Test
    void aValueOfTheWrongFormIsA400ProblemNamingTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Holes\",\"publicationYear\":\"last year\"}")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publicationYear"));
    }

    @Test
    void aNullInAnyListIsA400NamingTheElementAndNothingIsWritten() {
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Kept " + tag + "\",\"authors\":[\"Kept, Ann\"]}")
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        for (String list : List.of("authors", "contributors", "isbns", "subjects")) {
            String body = "{\"title\":\"Nulls " + tag + "\",\"" + list + "\":[null]}";
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/titles")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(list + "[0]"));
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/titles/" + id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(list + "[0]"));
        }
        given().when().get("/api/v1/search?q=nulls " + tag).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("title", equalTo("Kept " + tag))
                .body("authors", equalTo(List.of("Kept, Ann")));
    }

    @Test
    void unknownTitleIsA404Problem() {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    @Test
    void invalidIsbnIsA400NamingIsbnsAndNothingIsCreated() {
        String unique = "978" + String.format("%09d", (long) (Math.random() * 1e9));
        String good = unique + checkDigit(unique);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Bad ISBN\",\"isbns\":[\"" + good + "\",\"9780440414804\"]}")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("isbns"))
                .body("detail", containsString("9780440414804"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles?isbn=" + good)
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void isbn10FindsTheTitleEnteredWithItsIsbn13() {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Nothing But the Truth\",\"isbns\":[\"978-0-380-71907-5\"]}")
                .when().post("/api/v1/titles").then().statusCode(201)
                .body("isbns", hasItem("9780380719075")).extract().path("id");
        given().auth().oauth2(TestTokens.teacher("LHS")).when().get("/api/v1/titles?isbn=0-380-71907-X")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void unknownMaterialTypeIsA400NamingTheField() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"Odd\",\"materialType\":\"SCROLL\"}")
                .when().post("/api/v1/titles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("materialType"));
    }

    @Test
    void staffUpdateATitleAndTitleUpdatedIsPublished() {
        String id = CatalogFixtures.title("Hatchet");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body("{\"title\":\"Hatchet\",\"authors\":[\"Gary Paulsen\"],\"edition\":\"20th anniversary\","
                        + "\"series\":\"Brian's Saga\",\"readingLevel\":\"5.7\",\"language\":\"eng\","
                        + "\"contributors\":[{\"name\":\"Drew Willis\",\"role\":\"illustrator\"}]}")
                .when().put("/api/v1/titles/" + id)
                .then().statusCode(200).body("edition", equalTo("20th anniversary"))
                .body("contributors[0].role", equalTo("illustrator"));
        EventEnvelope event = CatalogFixtures.awaitEvent(Topics.CATALOG_TITLES, id,
                e -> e.type().equals("TitleUpdated"));
        TitleSnapshot snapshot = EventJson.payload(event, TitleUpdated.class).title();
        assertEquals("Brian's Saga", snapshot.series());
        assertEquals("5.7", snapshot.readingLevel());
        assertEquals(List.of("Gary Paulsen"), snapshot.authors());
    }

    @Test
    void aTitleAnswersItsVersionAsETagAndAPutWithAMatchingIfMatchMovesIt() {
        String id = CatalogFixtures.title("Bridge to Terabithia");
        String etag = given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().statusCode(200).extract().header("ETag");
        int version = given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().extract().path("version");
        assertEquals("\"" + version + "\"", etag);

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "Bridge to Terabithia", "edition", "1st"))
                .put("/api/v1/titles/" + id).then().statusCode(200).body("edition", equalTo("1st"))
                .body("version", equalTo(version + 1)).header("ETag", "\"" + (version + 1) + "\"");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().header("ETag", "\"" + (version + 1) + "\"");
    }

    @Test
    void aPutWithAStaleIfMatchIs412NamingTheCurrentVersionAndChangesNothing() {
        String id = CatalogFixtures.title("Number the Stars");
        String first = given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().extract().header("ETag");
        // another cataloger saves first
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON).header("If-Match", first)
                .body(Map.of("title", "Number the Stars", "series", "theirs"))
                .put("/api/v1/titles/" + id).then().statusCode(200);
        int current = given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().extract().path("version");

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON).header("If-Match", first)
                .body(Map.of("title", "Number the Stars", "series", "mine"))
                .put("/api/v1/titles/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("code", equalTo("precondition-failed")).body("context.currentVersion", equalTo(current))
                .body("detail", containsString("version " + current));
        // a weak tag never matches (If-Match compares strongly)
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .header("If-Match", "W/\"" + current + "\"")
                .body(Map.of("title", "Number the Stars", "series", "mine"))
                .put("/api/v1/titles/" + id).then().statusCode(412);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .header("If-Match", String.valueOf(current))
                .body(Map.of("title", "Number the Stars", "series", "mine"))
                .put("/api/v1/titles/" + id).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().body("series", equalTo("theirs")).body("version", equalTo(current));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .header("If-Match", "\"" + (current + 7) + "\", \"" + current + "\"")
                .body(Map.of("title", "Number the Stars", "series", "mine"))
                .put("/api/v1/titles/" + id).then().statusCode(200).body("series", equalTo("mine"));
    }

    @Test
    void aPutWhoseBodyVersionIsNotTheStoredOneIs409VersionConflictAndChangesNothing() {
        String id = CatalogFixtures.title("Tuck Everlasting");
        int read = given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().extract().path("version");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Tuck Everlasting", "series", "theirs", "version", read))
                .put("/api/v1/titles/" + id).then().statusCode(200).body("version", equalTo(read + 1));

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Tuck Everlasting", "series", "mine", "version", read))
                .put("/api/v1/titles/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("version-conflict")).body("context.currentVersion", equalTo(read + 1));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/titles/" + id)
                .then().body("series", equalTo("theirs")).body("version", equalTo(read + 1));
    }

    @Test
    void aPutWithNeitherIfMatchNorVersionStillReplacesTheTitle() {
        String id = CatalogFixtures.title("Walk Two Moons");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Walk Two Moons", "series", "first")).put("/api/v1/titles/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Walk Two Moons", "series", "second")).put("/api/v1/titles/" + id)
                .then().statusCode(200).body("series", equalTo("second"));
    }

    @Test
    void aTitleWithCopiesCannotBeDeletedOneWithoutCan() {
        String kept = CatalogFixtures.title("Wonder");
        CatalogFixtures.copy(kept, CatalogFixtures.site("LHS"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().delete("/api/v1/titles/" + kept)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("title-has-copies"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + kept).then().statusCode(200);

        // site staff delete no title, not even one held at their site alone
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().delete("/api/v1/titles/" + kept)
                .then().statusCode(403).contentType("application/problem+json");

        String gone = CatalogFixtures.title("Duplicate record");
        given().auth().oauth2(TestTokens.districtAdmin()).when().delete("/api/v1/titles/" + gone)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + gone).then().statusCode(404);
        assertEquals("TitleDeleted", CatalogFixtures.awaitEvent(Topics.CATALOG_TITLES, gone,
                e -> e.type().equals("TitleDeleted")).type());
    }

    @Test
    void twoCatalogersCreatingOneBookAtOnceMakeOneTitleAndOne409() throws Exception {
        // three books, to give a lost race three chances to show
        for (int round = 0; round < 3; round++) {
            String body9 = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L,
                    1_000_000_000L));
            String isbn13 = "978" + body9 + checkDigit("978" + body9);
            String isbn10 = body9 + isbn10CheckDigit(body9);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Response> answers = new ArrayList<>();
            try {
                List<Future<Response>> posts = new ArrayList<>();
                // the same book, by its ISBN-13 at one school and its ISBN-10 at another
                for (String isbn : List.of(isbn13, isbn10)) {
                    posts.add(pool.submit(() -> {
                        start.await();
                        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                                .body(Map.of("title", "Raced " + body9, "isbns", List.of(isbn)))
                                .post("/api/v1/titles");
                    }));
                }
                start.countDown();
                for (Future<Response> post : posts) {
                    answers.add(post.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> statuses = answers.stream().map(r -> r.statusCode()
                    + (r.statusCode() == 201 ? "" : " " + r.path("code"))).toList();
            assertEquals(1, statuses.stream().filter("201"::equals).count(), "statuses " + statuses);
            assertEquals(1, statuses.stream().filter("409 duplicate-title"::equals).count(), "statuses " + statuses);
            String created = answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().path("id");
            Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            assertEquals(created, refused.path("context.existingTitleId"));
            assertEquals("application/problem+json", refused.contentType().split(";")[0]);
            given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles?isbn=" + isbn13)
                    .then().statusCode(200).body("id", equalTo(List.of(created)));
        }
    }

    @Test
    void aTitleWhoseIsbnOrLccnIsAnotherTitlesIs409UnlessTheCallerAllowsIt() {
        String body9 = String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000L,
                1_000_000_000L));
        String isbn13 = "978" + body9 + checkDigit("978" + body9);
        String isbn10 = body9 + isbn10CheckDigit(body9);
        String lccn = "zz" + body9.substring(0, 2) + "0" + body9.substring(2, 7);
        String first = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "First " + body9, "isbns", List.of(isbn13), "lccn", lccn))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");

        // the ISBN-10 of the same book
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Second " + body9, "isbns", List.of(isbn10)))
                .post("/api/v1/titles").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("duplicate-title")).body("context.existingTitleId", equalTo(first))
                .body("context.field", equalTo("isbns")).body("context.value", equalTo(isbn13))
                .body("detail", containsString(first));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Second " + body9, "lccn", lccn))
                .post("/api/v1/titles").then().statusCode(409)
                .body("code", equalTo("duplicate-title")).body("context.existingTitleId", equalTo(first))
                .body("context.field", equalTo("lccn"));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles?isbn=" + isbn10)
                .then().statusCode(200).body("id", equalTo(List.of(first)));

        // asked for explicitly: created anyway
        String second = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Second " + body9, "isbns", List.of(isbn10)))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).extract().path("id");
        // a title already sharing the ISBN keeps it through other changes
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Second " + body9, "isbns", List.of(isbn10), "edition", "2nd"))
                .put("/api/v1/titles/" + second).then().statusCode(200).body("edition", equalTo("2nd"));

        // a PUT giving a title another title's ISBN or LCCN: the same 409, nothing changed
        String third = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Third " + body9)).post("/api/v1/titles").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Third " + body9, "isbns", List.of(isbn13), "series", "changed"))
                .put("/api/v1/titles/" + third).then().statusCode(409)
                .body("code", equalTo("duplicate-title")).body("context.field", equalTo("isbns"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Third " + body9, "lccn", lccn))
                .put("/api/v1/titles/" + third).then().statusCode(409)
                .body("context.existingTitleId", equalTo(first)).body("context.field", equalTo("lccn"));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + third)
                .then().statusCode(200).body("isbns", equalTo(List.of())).body("series", equalTo(null));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Third " + body9, "isbns", List.of(isbn13)))
                .put("/api/v1/titles/" + third + "?allowDuplicate=true").then().statusCode(200);
    }

    @Test
    void siteStaffChangeOnlyTitlesHeldAtTheirOwnSitesDistrictStaffAny() {
        String lhs = CatalogFixtures.site("LHS");
        String mms = CatalogFixtures.site("MMS");
        String shared = CatalogFixtures.title("Shared " + UUID.randomUUID());
        CatalogFixtures.copy(shared, lhs);
        CatalogFixtures.copy(shared, mms);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Taken over")).put("/api/v1/titles/" + shared)
                .then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("title-shared")).body("detail", containsString("shared with other sites"))
                .body("detail", containsString("district library staff"))
                .body("context.otherSites", equalTo(1));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).delete("/api/v1/titles/" + shared)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + shared)
                .then().statusCode(200).body("title", startsWith("Shared "));
        // adding a copy at their own site stays allowed
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", lhs, "barcode", CatalogFixtures.uniqueBarcode()))
                .post("/api/v1/titles/" + shared + "/copies").then().statusCode(201);
        // staff of both sites, and district staff, may change it
        given().auth().oauth2(TestTokens.siteStaff("LHS", "MMS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Shared, both sites")).put("/api/v1/titles/" + shared)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Shared, district")).put("/api/v1/titles/" + shared)
                .then().statusCode(200);

        // held at LHS alone: LHS staff change it, MMS staff do not
        String own = CatalogFixtures.title("Own " + UUID.randomUUID());
        CatalogFixtures.copy(own, lhs);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Own, edited")).put("/api/v1/titles/" + own).then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Own, taken")).put("/api/v1/titles/" + own).then().statusCode(403)
                .body("code", equalTo("title-shared"));

        // no copies: any staff may change it; only district staff delete it
        String none = CatalogFixtures.title("Nobody's " + UUID.randomUUID());
        given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ContentType.JSON)
                .body(Map.of("title", "Nobody's, edited")).put("/api/v1/titles/" + none).then().statusCode(200);
        given().auth().oauth2(TestTokens.siteStaff("MMS")).delete("/api/v1/titles/" + none).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.integration()).delete("/api/v1/titles/" + none).then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + none)
                .then().statusCode(200).body("title", equalTo("Nobody's, edited"));
        given().auth().oauth2(TestTokens.districtAdmin()).delete("/api/v1/titles/" + none).then().statusCode(204);
        given().auth().oauth2(TestTokens.teacher("LHS")).delete("/api/v1/titles/" + own).then().statusCode(403);
    }

    @Test
    void aDeleteHonoursIfMatch() {
        String id = CatalogFixtures.title("Deleted with care " + UUID.randomUUID());
        String etag = given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Changed meanwhile")).put("/api/v1/titles/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.districtAdmin()).header("If-Match", etag).delete("/api/v1/titles/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("code", equalTo("precondition-failed")).body("context.etag", not(equalTo(etag)));
        given().auth().oauth2(TestTokens.districtAdmin()).header("If-Match", "3").delete("/api/v1/titles/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        String current = given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id)
                .then().statusCode(200).body("title", equalTo("Changed meanwhile")).extract().header("ETag");
        given().auth().oauth2(TestTokens.districtAdmin()).header("If-Match", current).delete("/api/v1/titles/" + id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id).then().statusCode(404);
    }

    private static char isbn10CheckDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static char checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    static EventEnvelope awaitEvent(String topic, String aggregateId) {
        return CatalogFixtures.awaitEvent(topic, aggregateId, e -> true);
    }
}
