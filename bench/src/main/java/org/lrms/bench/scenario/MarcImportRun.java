package org.lrms.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Posts a MARC file to the catalog's {@code POST /api/v1/imports/marc} and times it, from the first byte sent to the
 * summary received. Meanwhile it shows the job's progress from {@code GET /api/v1/imports/marc} (newest job first:
 * the job's id is only known from the answer).
 */
public final class MarcImportRun {

    /** One import: its summary and how long it took. */
    public record Result(int recordsRead, int created, int matched, int rejected, int copiesAdded, double seconds) {
        public double recordsPerSecond() {
            return seconds == 0 ? 0 : recordsRead / seconds;
        }

        public Figure figure(String name) {
            return new Figure(name, recordsPerSecond(), null, null, null, null, (long) recordsRead, (long) rejected,
                    seconds, "s");
        }

        public String summary() {
            return String.format(Locale.ROOT, "%,d records in %.1f s = %,.0f records/s (%d created, %d matched, "
                    + "%d rejected, %d copies)", recordsRead, seconds, recordsPerSecond(), created, matched,
                    rejected, copiesAdded);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String catalogUrl;
    private final String token;

    public MarcImportRun(String catalogUrl, String token) {
        this.catalogUrl = catalogUrl;
        this.token = token;
    }

    public Result post(Path file, String mode, String siteCode, Consumer<String> progress)
            throws IOException, InterruptedException {
        String query = "?mode=" + mode + (siteCode == null ? "" : "&siteCode=" + siteCode);
        HttpRequest request = HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/imports/marc" + query))
                .timeout(Duration.ofMinutes(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/marc")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        Thread poller = new Thread(() -> poll(progress), "marc-import-progress");
        poller.setDaemon(true);
        long started = System.nanoTime();
        poller.start();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            poller.interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the MARC import answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Result(body.path("recordsRead").asInt(), body.path("created").asInt(),
                body.path("matched").asInt(), body.path("rejected").asInt(), body.path("copiesAdded").asInt(),
                seconds);
    }

    /** Shows the running job's progress every 5 s, as a librarian polling the job would see it. */
    private void poll(Consumer<String> progress) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(5000);
                HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(
                                URI.create(catalogUrl + "/api/v1/imports/marc"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode newest = JSON.readTree(jobs.body()).path(0);
                if ("RUNNING".equals(newest.path("status").asText())) {
                    progress.accept(String.format(Locale.ROOT, "  import running: %,d records read so far",
                            newest.path("recordsRead").asInt()));
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                progress.accept("  (progress not readable: " + e.getMessage() + ")");
            }
        }
    }

    /** Bytes of the file, for the report. */
    public static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
