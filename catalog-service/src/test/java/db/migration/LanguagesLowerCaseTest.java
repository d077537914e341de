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
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** V17: languages stored as typed before ("ENG") take the lower-case MARC code the search filters on. */
@QuarkusTest
class LanguagesLowerCaseTest {

    @Inject
    DataSource dataSource;

    @Test
    void storedLanguagesAreLowerCasedAndFoundByTheFilter() throws Exception {
        String tag = "zl" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String capitals = title("Capitals " + tag);
        String odd = title("Odd " + tag);
        try (Connection connection = dataSource.getConnection()) {
            // as the service stored them before: as typed
            set(connection, capitals, "ENG");
            set(connection, odd, "English");
            try (Statement migration = connection.createStatement();
                 var sql = getClass().getResourceAsStream("/db/migration/V17__languages_lower_case.sql")) {
                migration.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + capitals)
                .then().statusCode(200).body("language", equalTo("eng"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + odd)
                .then().statusCode(200).body("language", equalTo("english"));
        given().when().get("/api/v1/search?q=capitals " + tag + "&language=ENG")
                .then().statusCode(200).body("results[0].id", equalTo(capitals));
    }

    private static String title(String name) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", name)).post("/api/v1/titles")
                .then().statusCode(201).extract().path("id");
    }

    private static void set(Connection connection, String id, String language) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("UPDATE title SET language = ? WHERE id = ?")) {
            update.setString(1, language);
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
    }
}
