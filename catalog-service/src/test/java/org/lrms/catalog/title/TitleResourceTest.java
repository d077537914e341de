package org.lrms.catalog.title;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TitleResourceTest {

    @Test
    void lccnsAreKeptInLcsNormalizedFormOnCreateAndUpdate() {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("title", "Normalized " + UUID.randomUUID(), "lccn", "2001-12345"))
                .post("/api/v1/titles").then().statusCode(201).body("lccn", equalTo("2001012345"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("title", "Normalized again", "lccn", "n 79-21164 /AC"))
                .put("/api/v1/titles/" + id).then().statusCode(200).body("lccn", equalTo("n79021164"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("lccn", equalTo("n79021164"));
    }

    private static final String HOLES = """
            {"title":"Holes","authors":["Louis Sachar"],"isbns":["9780440414803"],"publisher":"Yearling",
             "publicationYear":2000,"materialType":"BOOK","deweyNumber":"FIC","subjects":["Juvenile fiction"]}
            """;

    @Test
    void staffCreatesATitleAndItsEventReachesKafka() {
        String id = given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON).body(HOLES)
                .when().post("/api/v1/titles")
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

        String gone = CatalogFixtures.title("Duplicate record");
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().delete("/api/v1/titles/" + gone)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).when().delete("/api/v1/titles/" + gone)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + gone).then().statusCode(404);
        assertEquals("TitleDeleted", CatalogFixtures.awaitEvent(Topics.CATALOG_TITLES, gone,
                e -> e.type().equals("TitleDeleted")).type());
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
