package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.catalog.copy.ShelfKey;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows written before V4 (or by a loader that bypasses the service) get their shelf key from the backfill. */
@QuarkusTest
class ShelfKeyBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void theBackfillGivesOldRowsTheirKey() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String barcode = CatalogFixtures.uniqueBarcode();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/json")
                .body(Map.of("siteCode", site, "barcode", barcode, "callNumber", "599.75 LIO"))
                .post("/api/v1/titles/" + CatalogFixtures.title("Lions") + "/copies").then().statusCode(201);
        assertEquals(ShelfKey.of("599.75 LIO"), key(barcode), "the service keeps the key");
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement wipe = connection.prepareStatement(
                    "UPDATE copy SET shelf_key = NULL WHERE barcode = ?")) {
                wipe.setString(1, barcode);
                wipe.executeUpdate();
            }
            V4__shelf_keys.backfill(connection, "copy");
        }
        assertEquals("599.75 LIO", key(barcode));
    }

    @Test
    void staleAndMissingKeysAreRecomputedOnce() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String spaced = CatalogFixtures.uniqueBarcode();
        String loaded = CatalogFixtures.uniqueBarcode();
        String title = CatalogFixtures.title("Java");
        for (String barcode : new String[] {spaced, loaded}) {
            given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/json")
                    .body(Map.of("siteCode", site, "barcode", barcode, "callNumber", "QA 76.73 .J38 2020"))
                    .post("/api/v1/titles/" + title + "/copies").then().statusCode(201);
        }
        try (Connection connection = dataSource.getConnection()) {
            // the key the old ShelfKey gave it (prefix QA, Dewey 076.73), and a row loaded without any
            set(connection, spaced, "QA 076.73 J38 42020");
            set(connection, loaded, null);
            assertEquals(2, V9__shelf_keys_recomputed.recompute(connection, "copy"));
            assertEquals(0, V9__shelf_keys_recomputed.recompute(connection, "copy"), "nothing left to change");
        }
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), key(spaced));
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), key(loaded));
    }

    @Test
    void spacedLcCallNumbersWithoutADottedCutterGetTheirLcKey() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String undotted = CatalogFixtures.uniqueBarcode();
        String juvenile = CatalogFixtures.uniqueBarcode();
        String title = CatalogFixtures.title("Java");
        for (String[] copy : new String[][] {{undotted, "QA 76.73 J38 2020"}, {juvenile, "J 599.75 L56"}}) {
            given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/json")
                    .body(Map.of("siteCode", site, "barcode", copy[0], "callNumber", copy[1]))
                    .post("/api/v1/titles/" + title + "/copies").then().statusCode(201);
        }
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), key(undotted), "the service keeps the LC key");
        try (Connection connection = dataSource.getConnection()) {
            // the key V9 gave it (prefix QA, Dewey 076.73)
            set(connection, undotted, "QA 076.73 J38 42020");
            new V12__shelf_keys_lc_spaced_undotted().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), key(undotted));
        assertEquals("J 599.75 L56", key(juvenile), "the juvenile prefix keeps its key");
    }

    private static void set(Connection connection, String barcode, String key) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("UPDATE copy SET shelf_key = ? WHERE barcode = ?")) {
            update.setString(1, key);
            update.setString(2, barcode);
            update.executeUpdate();
        }
    }

    private String key(String barcode) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT shelf_key FROM copy WHERE barcode = ?")) {
            select.setString(1, barcode);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
