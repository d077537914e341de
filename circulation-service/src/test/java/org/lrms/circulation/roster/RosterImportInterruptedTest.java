package org.lrms.circulation.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RosterImportInterruptedTest {

    @Inject
    OneRosterImport imports;

    @Inject
    AgroalDataSource db;

    private static UUID running(String phase) {
        UUID id = UUID.randomUUID();
        Fixtures.update("INSERT INTO roster_import (id, status, bulk, started_at, started_by, phase) "
                + "VALUES (?, 'RUNNING', true, now() - interval '1 hour', 'district-admin', ?)", id, phase);
        return id;
    }

    private static JsonPath get(UUID id) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void lock(Connection connection, String function, UUID id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, OneRosterImport.lockKey(id));
            s.execute();
        }
    }

    @Test
    void anImportItsStoppedServiceLeftRunningIsFailedAtStartButOneAnotherInstanceRunsIsNot() throws SQLException {
        UUID orphan = running("users");
        UUID elsewhere = running("enrollments");
        try (Connection otherInstance = db.getConnection()) {
            lock(otherInstance, "pg_advisory_lock", elsewhere);
            assertTrue(imports.failInterrupted() >= 1);
            JsonPath failed = get(orphan);
            assertEquals("FAILED", failed.getString("status"));
            assertTrue(failed.getString("failure").startsWith("interrupted: the service stopped while the import was "
                    + "in phase users;"), failed.getString("failure"));
            assertTrue(failed.getString("failure").endsWith("upload the export again"), failed.getString("failure"));
            assertNotNull(failed.getString("finishedAt"));
            assertEquals("RUNNING", get(elsewhere).getString("status"));
            lock(otherInstance, "pg_advisory_unlock", elsewhere);
        }
        imports.failInterrupted(); // no one holds it now: that instance is gone too
        assertEquals("FAILED", get(elsewhere).getString("status"));
    }

    @Test
    void anImportThisInstanceRunsIsLeftToFinish() {
        String code = Fixtures.newSite().replace("S", "I");
        String school = "sch-" + code;
        StringBuilder users = new StringBuilder("sourcedId,status,orgSourcedIds,role,givenName,familyName,identifier\n");
        for (int i = 0; i < 1200; i++) {
            users.append(code).append("-u").append(i).append(",active,").append(school).append(",student,Kai,Ng,")
                    .append(code).append("-").append(i).append('\n');
        }
        byte[] zip = RosterImportTest.zip(Map.of(
                "orgs.csv", "sourcedId,status,name,type,identifier\n" + school + ",active,School " + code + ",school,"
                        + code + "\n",
                "users.csv", users.toString()));
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip").body(zip)
                .when().post("/api/v1/imports/oneroster").then().statusCode(202).extract().path("id");
        imports.failInterrupted();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(get(UUID.fromString(id))
                .getString("status")));
        JsonPath done = get(UUID.fromString(id));
        assertEquals("FINISHED", done.getString("status"), done.getString("failure"));
        assertEquals(1200, done.getInt("usersApplied"));
    }
}
