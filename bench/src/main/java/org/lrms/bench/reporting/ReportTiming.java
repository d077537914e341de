package org.lrms.bench.reporting;

import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Times one report request a number of times, one after another (a person waiting on it), after one warm-up. */
public final class ReportTiming {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String token;

    public ReportTiming(String token) {
        this.token = token;
    }

    public Figure time(String name, String url, int runs) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).GET().build();
        send(request);
        List<Double> ms = new ArrayList<>();
        long failed = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            if (send(request) != 200) {
                failed++;
            }
            ms.add((System.nanoTime() - started) / 1e6);
        }
        double seconds = ms.stream().mapToDouble(Double::doubleValue).sum() / 1000;
        return Figure.ofSamples(name, runs / seconds, ms, failed);
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
