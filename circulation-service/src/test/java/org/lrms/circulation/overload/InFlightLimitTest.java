package org.lrms.circulation.overload;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.kit.http.InFlightLimit;
import org.lrms.testkit.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admission control (lrms-kit's {@link InFlightLimit}): with every place taken by requests in progress, one more API
 * request is answered 503 at once, the health endpoints still answer, and once the requests in progress end the
 * service takes requests again.
 */
@QuarkusTest
class InFlightLimitTest {

    @Inject
    InFlightLimit limit;

    @TestHTTPResource("/api/v1/test-held")
    URI held;

    @Test
    void aRequestBeyondTheLimitIsRefusedWith503AndTheServiceRecovers() throws Exception {
        HeldResource.release = new CountDownLatch(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> inProgress = new ArrayList<>();
        try {
            for (int i = 0; i < limit.max(); i++) {
                inProgress.add(client.sendAsync(HttpRequest.newBuilder(held).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> limit.inFlight() == limit.max());

            given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("code", equalTo("overloaded"))
                    .body("detail", containsString(limit.max() + " requests in progress"))
                    .body("instance", equalTo("/api/v1/sites"));
            given().when().get("/q/health/live").then().statusCode(200);

            // a body on its way is read and dropped; over HTTP/1.1 the connection closes after the answer
            HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> refused = http11.send(createSite(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("\"code\":\"overloaded\""), refused.body());
            assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
            // over HTTP/2 the held requests share the connection (the client upgraded it): it stays open for them
            HttpResponse<String> refusedStream = client.send(createSite(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refusedStream.statusCode());
        } finally {
            HeldResource.release.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> answer : inProgress) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode());
            assertEquals("released", response.body());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> limit.inFlight() == 0);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites").then().statusCode(200);
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(held.resolve("/api/v1/sites"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestTokens.districtAdmin())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, after.statusCode());
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/sites/OVL").then().statusCode(404);
    }

    /** A site whose name is too long: refused by the limit before its body is read (it would be a 400 after). */
    private HttpRequest createSite() {
        return HttpRequest.newBuilder(held.resolve("/api/v1/sites")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestTokens.districtAdmin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"OVL\",\"name\":\"" + "x".repeat(50_000)
                        + "\",\"siteType\":\"HIGH\"}")).build();
    }
}
