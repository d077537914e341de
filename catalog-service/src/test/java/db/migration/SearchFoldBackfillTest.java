package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V20: titles whose search text was stored with its accents (before V20) are folded by the migration's update, and
 * the word list loses its accented words; the extension the migration needs is there in the tests' PostgreSQL.
 */
@QuarkusTest
class SearchFoldBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void searchTextStoredWithAccentsIsFoldedByTheMigration() throws Exception {
        String tag = "zf" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Canción de cuna " + tag, "authors", List.of("Núñez, Inés")))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        try (Connection connection = dataSource.getConnection()) {
            try (Statement s = connection.createStatement();
                 ResultSet installed = s.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'")) {
                installed.next();
                assertEquals(1, installed.getInt(1));
            }
            // stored as the trigger wrote them before V20: with their accents (no trigger fires for these columns)
            try (PreparedStatement old = connection.prepareStatement("UPDATE title SET search_vector ="
                    + " to_tsvector('simple', title || ' ' || array_to_string(authors, ' ')),"
                    + " search_text = lower(title || ' ' || array_to_string(authors, ' ')) WHERE id = ?")) {
                old.setObject(1, UUID.fromString(id));
                old.executeUpdate();
            }
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO search_word (word) VALUES ('canción" + tag + "') ON CONFLICT DO NOTHING");
            }
            given().when().get("/api/v1/search?q=nunez " + tag).then().statusCode(200).body("results", empty());

            String migration;
            try (var sql = getClass().getResourceAsStream("/db/migration/V20__search_folds_accents.sql")) {
                migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
            }
            // the statements that fold what is stored (the extension, function, trigger and index exist already)
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(statement(migration, "UPDATE title SET title = title"));
                s.executeUpdate(statement(migration, "INSERT INTO search_word"));
                s.executeUpdate(statement(migration, "DELETE FROM search_word"));
            }
            try (PreparedStatement read = connection.prepareStatement("SELECT search_text FROM title WHERE id = ?")) {
                read.setObject(1, UUID.fromString(id));
                try (ResultSet text = read.executeQuery()) {
                    text.next();
                    assertEquals("cancion de cuna " + tag + " nunez, ines", text.getString(1).strip());
                }
            }
            try (Statement s = connection.createStatement();
                 ResultSet words = s.executeQuery("SELECT word FROM search_word WHERE word LIKE 'canci%" + tag
                         + "' ORDER BY word")) {
                words.next();
                assertEquals("cancion" + tag, words.getString(1));
                assertEquals(false, words.next());
            }
        }
        given().when().get("/api/v1/search?q=nunez " + tag).then().statusCode(200)
                .body("results[0].id", equalTo(id));
        given().when().get("/api/v1/search?q=inés canción " + tag).then().statusCode(200)
                .body("results[0].id", equalTo(id));
    }

    /** The migration's statement that starts with {@code start}, up to its semicolon. */
    private static String statement(String migration, String start) {
        int from = migration.indexOf(start);
        return migration.substring(from, migration.indexOf(';', from));
    }
}
