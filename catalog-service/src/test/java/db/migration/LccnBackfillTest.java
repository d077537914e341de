package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** V14: LCCNs stored before normalization (or by a loader) take LC's normalized form. */
@QuarkusTest
class LccnBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void storedLccnsAreNormalizedAndOthersLeftAlone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String hyphenated = title("Hyphenated " + tag, "2001012345");
        String prefixed = title("Prefixed " + tag, "n79021164");
        String odd = title("Odd " + tag, "ABC-12X");
        try (Connection connection = dataSource.getConnection()) {
            // as the service stored them before: blanks removed, nothing else
            set(connection, hyphenated, "2001-12345");
            set(connection, prefixed, "n79-21164");
            V14__lccns_normalized.normalize(connection);
        }
        lccn(hyphenated, "2001012345");
        lccn(prefixed, "n79021164");
        lccn(odd, "ABC-12X");
    }

    private static String title(String name, String lccn) {
        return given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", name, "lccn", lccn)).post("/api/v1/titles?allowDuplicate=true")
                .then().statusCode(201).extract().path("id");
    }

    private static void set(Connection connection, String id, String lccn) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("UPDATE title SET lccn = ? WHERE id = ?")) {
            update.setString(1, lccn);
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    private static void lccn(String id, String expected) {
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().statusCode(200).body("lccn", equalTo(expected));
    }
}
