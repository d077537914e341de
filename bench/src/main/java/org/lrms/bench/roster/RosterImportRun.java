package org.lrms.bench.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Posts a OneRoster zip to circulation's {@code POST /api/v1/imports/oneroster} as the district's SIS would, then
 * follows the import's progress until it finishes. The time runs from the upload to the import's own finish.
 */
public final class RosterImportRun {

    /** What the import reported when it finished. */
    public record Outcome(String status, double seconds, int usersRead, int usersApplied, int errors,
                          String failure) {

        public double usersPerSecond() {
            return usersApplied / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String circulationUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RosterImportRun(String circulationUrl, String token) {
        this.circulationUrl = circulationUrl;
        this.token = token;
    }

    public Outcome run(Path zip, Duration limit, Consumer<String> progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(circulationUrl
                                + "/api/v1/imports/oneroster"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofFile(zip)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("the import was refused: " + posted.statusCode() + " " + posted.body());
        }
        String id = JSON.readTree(posted.body()).path("id").asText();
        long deadline = started + limit.toNanos();
        String lastPhase = "";
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            JsonNode state = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(circulationUrl
                                    + "/api/v1/imports/" + id)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String status = state.path("status").asText();
            String phase = state.path("phase").asText() + " " + state.path("usersApplied").asInt() + " users";
            if (!phase.equals(lastPhase)) {
                progress.accept("  import " + phase);
                lastPhase = phase;
            }
            if ("FINISHED".equals(status) || "FAILED".equals(status)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Outcome(status, seconds, state.path("usersRead").asInt(),
                        state.path("usersApplied").asInt(), state.path("errorCount").asInt(),
                        state.path("failure").isNull() ? null : state.path("failure").asText());
            }
        }
        throw new IllegalStateException("the import did not finish within " + limit);
    }
}
