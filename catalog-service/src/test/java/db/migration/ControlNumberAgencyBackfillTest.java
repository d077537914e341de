package db.migration;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestTokens;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** V18: titles imported before the agency was kept take it from their kept MARC source's 003. */
@QuarkusTest
class ControlNumberAgencyBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void theAgencyComesFromTheKeptSource() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String xml = "<?xml version=\"1.0\"?><collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
                + "<leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">b" + tag + "</controlfield>"
                + "<controlfield tag=\"003\">DLC</controlfield>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">Backfilled " + tag
                + "</subfield></datafield></record><record><leader>00000nam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">c" + tag + "</controlfield>"
                + "<datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">No agency " + tag
                + "</subfield></datafield></record></collection>";
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/marcxml+xml").body(xml)
                .when().post("/api/v1/imports/marc").then().statusCode(200);
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("DLC", agency(connection, "b" + tag), "kept on import");
            // as titles imported before V18 were: no agency
            try (Statement clear = connection.createStatement()) {
                clear.executeUpdate("UPDATE title SET control_number_agency = NULL WHERE control_number IN ('b" + tag
                        + "', 'c" + tag + "')");
            }
            String migration;
            try (var sql = getClass().getResourceAsStream("/db/migration/V18__title_control_number_agency.sql")) {
                migration = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (Statement backfill = connection.createStatement()) {
                backfill.execute(migration.substring(migration.indexOf("UPDATE title")));
            }
            assertEquals("DLC", agency(connection, "b" + tag));
            assertNull(agency(connection, "c" + tag));
        }
    }

    private static String agency(Connection connection, String controlNumber) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT control_number_agency FROM title WHERE control_number = ?")) {
            query.setString(1, controlNumber);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
