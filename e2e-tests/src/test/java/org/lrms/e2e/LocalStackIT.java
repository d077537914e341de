package org.lrms.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole suite, as a newcomer runs it: real PostgreSQL, Kafka, Keycloak, the five services and the portal, started
 * by {@code deploy/local/run.sh} and stopped by {@code deploy/local/stop.sh}; real tokens from Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final String PASSWORD = "changeit";   // the realm's local-only demo password
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() {
        stack = new LocalStack();
        assumeTrue(stack.keycloakJdk().isPresent(), "SKIPPED: Keycloak 26 needs a JDK 21+ and none was found "
                + "(install one under /usr/lib/jvm or set LRMS_KEYCLOAK_JAVA_HOME; see deploy/local/prerequisites.sh)");
        stack.clean();
        LocalStack.Result run = stack.up();
        assertEquals(0, run.exitCode(), "deploy/local/run.sh failed:\n" + run.output());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack == null || stack.keycloakJdk().isEmpty()) {
            return;
        }
        LocalStack.Result stop = stack.down();
        assertEquals(0, stop.exitCode(), "deploy/local/stop.sh failed:\n" + stop.output());
        assertEquals(List.of(), stack.alive(), "stop.sh left processes running");
    }

    @Test
    @Order(1)
    void everyServiceAndThePortalAreReady() {
        for (String service : LocalStack.SERVICES) {
            given().get(stack.url(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(stack.url(service) + "/q/openapi").then().statusCode(200);
        }
        given().get(stack.url("portal") + "/q/health/ready").then().statusCode(200);
        given().get(stack.url("portal") + "/").then().statusCode(200).body(containsString("Search the catalog"));
        given().get(stack.url("portal") + "/portal/services").then().statusCode(200)
                .body("status", equalTo(List.of("UP", "UP", "UP", "UP", "UP")));
    }

    @Test
    @Order(2)
    void keycloakTokensCarryRolesAndSites() {
        JsonPath admin = claims(token("district.admin"));
        assertEquals(stack.realm(), admin.getString("iss"));
        assertTrue(admin.getList("groups").contains("district-admin"), admin.prettify());

        JsonPath technician = claims(token("tech.rms"));
        assertEquals(List.of("site-staff"), technician.getList("groups"));
        assertEquals(List.of("RMS"), technician.getList("sites"));

        String integration = given().formParams(Map.of("grant_type", "client_credentials", "client_id", "lrms-sis",
                        "client_secret", "lrms-sis-local-only-secret"))
                .post(stack.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals(List.of("integration"), claims(integration).getList("groups"));
    }

    @Test
    @Order(3)
    void theServicesRefuseAnonymousCallersAndTheWrongRole() {
        given().contentType("application/json").body(Map.of("title", "Holes"))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(401);
        given().auth().oauth2(token("student.demo")).contentType("application/json").body(Map.of("title", "Holes"))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(4)
    void theTokenReachesAServiceThroughThePortal() {
        given().auth().oauth2(token("district.admin"))
                .get(stack.url("portal") + "/api/catalog/v1/titles/" + UUID.randomUUID())
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    @Order(5)
    void aTitleCreatedInCatalogIsCountedByReportingWithinFiveSeconds() {
        String admin = token("district.admin");
        long before = titlesCounted(admin);

        createTitle(admin, "Hatchet");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> titlesCounted(admin) == before + 1);
    }

    @Test
    @Order(6)
    void titlesCreatedWhileKafkaIsDownAreAllCountedOnceItIsBack() {
        String admin = token("district.admin");
        long before = titlesCounted(admin);
        ProcessHandle kafka = stack.pid("kafka").flatMap(ProcessHandle::of)
                .orElseThrow(() -> new AssertionError("no running Kafka broker recorded in the pid files"));
        kafka.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !kafka.isAlive());

        for (String title : List.of("Number the Stars", "Bridge to Terabithia", "Island of the Blue Dolphins")) {
            createTitle(admin, title);   // the desk keeps working: the events wait in catalog's outbox
        }

        LocalStack.Result again = stack.up();
        assertEquals(0, again.exitCode(), "run.sh (second run) failed:\n" + again.output());
        assertTrue(again.output().contains("starting kafka"), again.output());
        assertTrue(again.output().contains("catalog already running"), again.output());
        assertTrue(again.output().contains("keycloak already running"), again.output());

        String fresh = token("district.admin");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> titlesCounted(fresh) == before + 3);
    }

    // -----------------------------------------------------------------------------------------------------------

    private static String token(String user) {
        return given().formParams(Map.of("grant_type", "password", "client_id", "lrms-cli", "username", user,
                        "password", PASSWORD))
                .post(stack.realm() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static JsonPath claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static void createTitle(String token, String title) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("title", title))
                .post(stack.url("catalog") + "/api/v1/titles")
                .then().statusCode(201);
    }

    private static long titlesCounted(String token) {
        Response report = given().auth().oauth2(token).get(stack.url("reporting") + "/api/v1/reports/collection");
        report.then().statusCode(200);
        return report.jsonPath().getLong("titles");
    }
}
