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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Event freshness: how long after a committed check-out reporting has applied it. The probe checks out a copy of
 * its own (never one the desks use), then polls reporting's freshness until the loans topic's newest applied event
 * is at least as recent as the moment the check-out was sent; then it checks the copy back in. Run it while the
 * desk storm runs to measure freshness under load.
 */
public final class FreshnessProbe implements Runnable {

    private static final String LOANS_TOPIC = "circulation.loans.v1";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String circulationUrl;
    private final String reportingUrl;
    private final String token;
    private final List<String[]> rows;
    private final List<Double> samplesMs = Collections.synchronizedList(new ArrayList<>());
    private volatile int failures;

    public FreshnessProbe(String circulationUrl, String reportingUrl, String token, Path probeFeed)
            throws IOException {
        this.circulationUrl = circulationUrl;
        this.reportingUrl = reportingUrl;
        this.token = token;
        this.rows = Files.readAllLines(probeFeed).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Override
    public void run() {
        int next = 0;
        while (!Thread.currentThread().isInterrupted() && !rows.isEmpty()) {
            String[] row = rows.get(next++ % rows.size());
            try {
                probe(row);
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures++;
            }
        }
    }

    private void probe(String[] row) throws IOException, InterruptedException {
        Instant sent = Instant.now();
        HttpResponse<String> out = post("/api/v1/checkouts", "{\"siteCode\":\"" + row[0] + "\",\"patronBarcode\":\""
                + row[1] + "\",\"itemBarcode\":\"" + row[2] + "\"}");
        if (out.statusCode() != 201) {
            failures++;
            return;
        }
        Instant deadline = sent.plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
            if (appliedSince(sent)) {
                samplesMs.add(Duration.between(sent, Instant.now()).toNanos() / 1e6);
                break;
            }
            Thread.sleep(10);
        }
        post("/api/v1/checkins", "{\"siteCode\":\"" + row[0] + "\",\"itemBarcode\":\"" + row[2] + "\"}");
    }

    private boolean appliedSince(Instant sent) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(reportingUrl + "/api/v1/reports/freshness"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        for (JsonNode topic : json.readTree(response.body()).path("topics")) {
            if (LOANS_TOPIC.equals(topic.path("topic").asText()) && topic.hasNonNull("lastEventAt")) {
                return !Instant.parse(topic.get("lastEventAt").asText()).isBefore(sent);
            }
        }
        return false;
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(circulationUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Percentiles of the samples taken so far. */
    public Figure figure(String name) {
        List<Double> samples;
        synchronized (samplesMs) {
            samples = new ArrayList<>(samplesMs);
        }
        return Figure.ofSamples(name, samples.isEmpty() ? 0 : Double.NaN, samples, failures);
    }
}
