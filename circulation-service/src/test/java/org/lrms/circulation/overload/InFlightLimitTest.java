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
    }
}
