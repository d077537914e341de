package org.lrms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where the running local stack is (the same environment variables as deploy/local/run.sh) and how to sign in. */
public record Stack(String catalogUrl, String circulationUrl, String reportingUrl, String keycloakUrl, int pgPort,
                    Path stateDir, Path pgBin) {

    static Stack fromEnvironment(Path projectDir) {
        Map<String, String> env = System.getenv();
        String pgBin = env.getOrDefault("LRMS_PG_BIN", "");
        return new Stack(
                "http://localhost:" + env.getOrDefault("CATALOG_PORT", "8081"),
                "http://localhost:" + env.getOrDefault("CIRCULATION_PORT", "8082"),
                "http://localhost:" + env.getOrDefault("REPORTING_PORT", "8085"),
                "http://localhost:" + env.getOrDefault("LRMS_KEYCLOAK_PORT", "8180"),
                Integer.parseInt(env.getOrDefault("LRMS_PG_PORT", "5432")),
                Path.of(env.getOrDefault("LRMS_STATE_DIR", projectDir.resolve(".lrms").toString())),
                Path.of(pgBin.isBlank() ? env.getOrDefault("LRMS_PG_BIN_DETECTED", "/usr/lib/postgresql/15/bin")
                        : pgBin));
    }

    /** The stack's Kafka broker (LRMS_KAFKA_PORT, as run.sh starts it). */
    String kafkaBootstrap() {
        return "127.0.0.1:" + System.getenv().getOrDefault("LRMS_KAFKA_PORT", "9092");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /** A district-admin access token from the realm's public CLI client (local demo password). */
    String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=lrms-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=changeit";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/district/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode());
        }
        JsonNode json = new ObjectMapper().readTree(response.body());
        return json.get("access_token").asText();
    }

    /**
     * One signed-in request to each service the scenarios call, one after the other, before any load: every service
     * must take the token. (It was first the way round a stall: a service that had started before Keycloak answered
     * connected to it at its first signed-in requests, hundreds at once, about 30 s on 2 cores. Services now connect
     * in the background and are ready only once they hold the realm's keys: lrms-kit's SignOnConnection.)
     */
    void signIn(String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (String url : new String[]{catalogUrl + "/api/v1/copies/bench-sign-in", circulationUrl + "/api/v1/sites",
                reportingUrl + "/api/v1/reports/freshness"}) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 401 || response.statusCode() >= 500) {
                throw new IllegalStateException(url + " refused the signed-in request: " + response.statusCode());
            }
        }
    }
}
