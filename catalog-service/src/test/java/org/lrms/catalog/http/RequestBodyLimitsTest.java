package org.lrms.catalog.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.restassured.http.ContentType;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.lrms.kit.http.InFlightLimit;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test profile keeps production's order of the two limits: MARC files 4 MiB (production 200 MB), every other
 * body 512 KiB (production 4 MB). A MARC file between the two must reach the import, one above the MARC limit must
 * be refused with the import's problem naming that limit.
 */
@QuarkusTest
class RequestBodyLimitsTest {

    static final int MARC_LIMIT = 4_194_304;
    static final int BODY_LIMIT = 524_288;

    @TestHTTPResource("/")
    URI imports;

    @Test
    void quarkusHasNoServerWideLimitThatWouldAnswerFirst() {
        VertxHttpConfig http = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(VertxHttpConfig.class);
        assertTrue(http.limits().maxBodySize().isEmpty(), "quarkus.http.limits.max-body-size must stay unset");
    }

    @Test
    void aMarcFileAboveTheGeneralLimitReachesTheImport() {
        // 1 MiB of text, twice the limit of a JSON body: the import reads it and finds no record
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/marc")
                .body(filler(2 * BODY_LIMIT))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marc-rejected"));
    }

    @Test
    void aMarcFileAboveItsOwnLimitIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/marc")
                .body(filler(MARC_LIMIT + 1))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("file-too-large")).body("errors[0].field", equalTo("file"))
                .body("context.maxBytes", equalTo(MARC_LIMIT));
    }

    @Test
    void aChunkedMarcFileAboveItsLimitIsRefusedByTheImportItself() throws Exception {
        // no Content-Length (java.net.http sends a stream of unknown length chunked): the import counts while it
        // spools, and stops at the limit
        HttpRequest request = HttpRequest.newBuilder(imports.resolve("/api/v1/imports/marc"))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin())
                .header("Content-Type", "application/marc")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        filler(MARC_LIMIT + 100_000))))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"code\":\"file-too-large\""), response.body());
        assertTrue(response.body().contains("\"maxBytes\":" + MARC_LIMIT), response.body());
    }

    @Test
    void aJsonBodyAboveTheGeneralLimitIsAProblemAndCreatesNothing() {
        String tag = "Oversized " + UUID.randomUUID().toString().substring(0, 8);
        String padding = "x".repeat(BODY_LIMIT);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body("{\"title\":\"" + tag + "\",\"summary\":\"" + padding + "\"}")
                .when().post("/api/v1/titles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("body-too-large")).body("errors[0].field", equalTo("body"))
                .body("context.maxBytes", equalTo(BODY_LIMIT));
        given().when().get("/api/v1/search?q=" + tag).then().statusCode(200).body("total", equalTo(0));
    }

    @Inject
    InFlightLimit inFlight;

    @Test
    void aFileRefusedBeforeItsBodyIsSentFreesItsPlaceInTheServiceLimit() throws Exception {
        // as curl sends a large file: headers with Expect: 100-continue, the body only after a 100 that never comes
        try (Socket socket = new Socket(imports.getHost(), imports.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/imports/marc HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.districtAdmin() + "\r\n"
                    + "Content-Type: application/marc\r\nContent-Length: " + (MARC_LIMIT + 1) + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("file-too-large"), answer);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.inFlight() == 0);
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
