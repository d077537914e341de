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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A search filtered by site finds the titles the site holds (copies that are not withdrawn) as copies come, go and
 * move, whoever writes them: the service, or SQL behind its back (a loader's multi-row insert, an update, a delete).
 */
@QuarkusTest
class SiteSearchTest {

    @Inject
    DataSource dataSource;

    String tag;
    String titleId;
    String north;
    String south;

    @BeforeEach
    void aTitleWithoutCopies() {
        north = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        south = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        tag = "zs" + java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        titleId = CatalogFixtures.title("Harbour lights " + tag);
    }

    @Test
    void aTitleIsFoundAtASiteOnceItsFirstCopyThereIsAdded() {
        assertEquals(List.of(), found(north), "no copy yet");
        CatalogFixtures.copy(titleId, north);
        assertEquals(List.of(titleId), found(north));
        assertEquals(List.of(), found(south));
        // a search with no words, filters only, takes the same index
        given().when().get("/api/v1/search?siteCode=" + north + "&size=100").then().statusCode(200)
                .body("results.id", org.hamcrest.Matchers.hasItem(titleId));
    }

    @Test
    void aTitleIsNoLongerFoundAtASiteOnceItsLastCopyThereIsWithdrawn() {
        String first = CatalogFixtures.copy(titleId, north);
        String second = CatalogFixtures.copy(titleId, north);
        withdraw(first);
        assertEquals(List.of(titleId), found(north), "one copy is left");
        withdraw(second);
        assertEquals(List.of(), found(north));
        given().when().get("/api/v1/search?q=" + tag).then().statusCode(200)
                .body("results[0].id", equalTo(titleId)).body("results[0].availability", empty())
                .body("facets.siteCode", empty());
    }

    @Test
    void aCopyMovedToAnotherSiteTakesTheTitleWithIt() {
        String barcode = CatalogFixtures.copy(titleId, north);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("toSiteCode", south)).post("/api/v1/copies/" + barcode + "/send")
                .then().statusCode(200).body("status", equalTo("IN_TRANSIT"));
        assertEquals(List.of(titleId), found(north), "in transit, it still belongs to its school");
        given().auth().oauth2(TestTokens.siteStaff(south)).post("/api/v1/copies/" + barcode + "/receive")
                .then().statusCode(200).body("siteCode", equalTo(south));
        assertEquals(List.of(titleId), found(south));
        assertEquals(List.of(), found(north));
    }

    @Test
    void aTitleAtTwoSitesIsFoundAtBothWithItsAvailabilityThere() {
        String northCopy = CatalogFixtures.copy(titleId, north);
        CatalogFixtures.copy(titleId, north);
        CatalogFixtures.copy(titleId, south);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "MISSING")).patch("/api/v1/copies/" + northCopy).then().statusCode(200);
        assertEquals(List.of(titleId), found(north));
        assertEquals(List.of(titleId), found(south));
        given().when().get("/api/v1/search?q=" + tag + "&siteCode=" + north).then().statusCode(200)
                .body("total", equalTo(1))
                .body("results[0].availability.siteCode", equalTo(List.of(north)))
                .body("results[0].availability[0].copies", equalTo(2))
                .body("results[0].availability[0].available", equalTo(1))
                .body("facets.siteCode.find { it.value == '" + south + "' }.count", equalTo(1));
        given().when().get("/api/v1/search?q=" + tag + "&siteCode=" + north + "&available=true")
                .then().statusCode(200).body("total", equalTo(1));
        // the last available copy at the north site goes missing: still held there, no longer available there
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("status", "MISSING")).patch("/api/v1/copies/" + otherCopy(northCopy, north))
                .then().statusCode(200);
        assertEquals(List.of(titleId), found(north));
        given().when().get("/api/v1/search?q=" + tag + "&siteCode=" + north + "&available=true")
                .then().statusCode(200).body("results", empty());
        given().when().get("/api/v1/search?q=" + tag + "&siteCode=" + south + "&available=true")
                .then().statusCode(200).body("results[0].id", equalTo(titleId))
                .body("results[0].availableCopies", equalTo(1));
    }

    @Test
    void copiesWrittenBehindTheServiceKeepTheSitesToo() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // a loader's multi-row insert: two copies north, one south (withdrawn: it does not count)
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO copy (id, title_id, barcode,"
                    + " site_code, status) VALUES (?, ?, ?, ?, 'AVAILABLE'), (?, ?, ?, ?, 'AVAILABLE'),"
                    + " (?, ?, ?, ?, 'WITHDRAWN')")) {
                String[] sites = {north, north, south};
                for (int i = 0; i < 3; i++) {
                    insert.setObject(4 * i + 1, UUID.randomUUID());
                    insert.setObject(4 * i + 2, UUID.fromString(titleId));
                    insert.setString(4 * i + 3, CatalogFixtures.uniqueBarcode());
                    insert.setString(4 * i + 4, sites[i]);
                }
                insert.executeUpdate();
            }
            assertEquals(List.of(north), holdingSites(connection));
            // un-withdrawn
            execute(connection, "UPDATE copy SET status = 'AVAILABLE' WHERE title_id = ? AND site_code = '" + south
                    + "'");
            assertEquals(sorted(north, south), holdingSites(connection));
            // a scan, a loan: nothing that changes where the title is held
            execute(connection, "UPDATE copy SET status = 'CHECKED_OUT', last_seen_at = now() WHERE title_id = ?");
            assertEquals(sorted(north, south), holdingSites(connection));
            // every copy moved south at once
            execute(connection, "UPDATE copy SET site_code = '" + south + "' WHERE title_id = ?");
            assertEquals(List.of(south), holdingSites(connection));
            execute(connection, "DELETE FROM copy WHERE title_id = ?");
            assertEquals(List.of(), holdingSites(connection));
        }
        assertEquals(List.of(), found(south));
    }

    private List<String> found(String site) {
        return given().when().get("/api/v1/search?q=" + tag + "&siteCode=" + site).then().statusCode(200)
                .extract().jsonPath().getList("results.id", String.class);
    }

    private static void withdraw(String barcode) {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "WEEDED", "disposalMethod", "RECYCLED"))
                .post("/api/v1/copies/" + barcode + "/withdraw").then().statusCode(200);
    }

    private String otherCopy(String barcode, String site) {
        return given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + titleId + "/copies")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.siteCode == '" + site + "' && it.barcode != '" + barcode + "' }.barcode",
                        String.class).get(0);
    }

    private List<String> holdingSites(Connection connection) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT holding_sites FROM title WHERE id = ?")) {
            select.setObject(1, UUID.fromString(titleId));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new ArrayList<>(Arrays.asList((String[]) rs.getArray(1).getArray()));
            }
        }
    }

    private void execute(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(titleId));
            statement.executeUpdate();
        }
    }

    private static List<String> sorted(String... sites) {
        return Arrays.stream(sites).sorted().toList();
    }
}
