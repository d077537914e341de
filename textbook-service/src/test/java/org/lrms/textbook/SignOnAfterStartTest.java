package org.lrms.textbook;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lrms.testkit.TestSignOnProvider;
import org.lrms.testkit.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service starts before the sign-on provider answers (a Keycloak still starting): it comes up, is not ready and
 * answers bearer tokens 503 while it connects in the background, one attempt at a time however many requests come;
 * once the realm's keys are loaded it is ready and a burst of signed-in requests never reaches the provider.
 */
@QuarkusTest
@TestProfile(SignOnAfterStartTest.ProviderAnswersLate.class)
class SignOnAfterStartTest {

    private static final String CHECK = "Sign-on provider (OIDC)";
    private static final int BURST = 20;

    public static class ProviderAnswersLate implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestSignOnProvider.class));
        }

        /** Quarkus' own attempt at start gives up after 2 s instead of 10. */
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.connection-timeout", "2S");
        }
    }

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @TestHTTPResource("/test/signed-in")
    URI signedIn;

    @Test
    void connectsInTheBackgroundOnceAndIsReadyOnlyThen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("DOWN"));

        List<Answer> early = signedInBurst();

        // Quarkus' attempt at start (given up, still held) and the kit's one attempt, whatever the requests
        assertThat(providerRequests(), lessThanOrEqualTo(2));
        assertThat(early.stream().map(Answer::status).toList(), everyItem(equalTo(503)));
        assertEquals("2", early.get(0).retryAfter());
        assertThat(early.get(0).body(), containsString("sign-on-unavailable"));

        given().when().post(TestSignOnProvider.openUrl(authServerUrl)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == '" + CHECK + "' }.status", equalTo("UP")));
        int connected = providerRequests();

        List<Answer> later = signedInBurst();

        assertThat(later.stream().map(Answer::status).toList(), everyItem(equalTo(200)));
        assertEquals("tech.burst0", later.get(0).body());
        assertEquals(connected, providerRequests());
    }

    /** What a signed-in request got: status 0 when it got no answer within 30 s. */
    record Answer(int status, String body, String retryAfter) {
    }

    /** {@link #BURST} signed-in requests at once, each with a token of its own (none verified before). */
    private List<Answer> signedInBurst() {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<Answer>> sent = IntStream.range(0, BURST)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(signedIn).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer "
                                        + TestTokens.token("tech.burst" + i, Set.of("site-staff"), List.of("LHS")))
                                .build(), HttpResponse.BodyHandlers.ofString())
                        .thenApply(r -> new Answer(r.statusCode(), r.body(),
                                r.headers().firstValue("Retry-After").orElse(null)))
                        .exceptionally(e -> new Answer(0, null, null)))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    private int providerRequests() {
        return given().when().get(TestSignOnProvider.statsUrl(authServerUrl)).then().statusCode(200)
                .extract().path("requests");
    }
}
