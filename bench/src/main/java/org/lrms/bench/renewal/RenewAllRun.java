package org.lrms.bench.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Renew all" for a patron with {@code loans} loans, timed one request after another as a technician at the desk
 * would wait for it ({@code POST /api/v1/patrons/{id}/loans/renewals}). The patron, the copies and the loans are set
 * up through the services' own APIs at a school of its own ({@code RN} + a number from the seed), whose policy
 * lets the patron hold that many items and renew them every time, so every run renews every loan.
 */
public final class RenewAllRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String catalogUrl;
    private final String circulationUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RenewAllRun(String catalogUrl, String circulationUrl, String token) {
        this.catalogUrl = catalogUrl;
        this.circulationUrl = circulationUrl;
        this.token = token;
    }

    /** Sets up the patron's loans, then times {@code runs} renew-alls after one warm-up. */
    public Figure run(int loans, int runs, long seed, Consumer<String> progress) throws Exception {
        String site = "RN" + Long.toString(Math.floorMod(seed * 31 + System.currentTimeMillis() / 1000, 46_656L),
                36).toUpperCase(Locale.ROOT);
        progress.accept("renew-all: school " + site + ", a patron with " + loans + " loans");
        expect(201, post(circulationUrl + "/api/v1/sites", Map.of("code", site, "name", "Renewal bench " + site,
                "siteType", "HIGH")));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("siteCode", site);
        rule.put("loanDays", 14);
        rule.put("maxItems", loans + 10);
        rule.put("renewalsAllowed", 1000);
        rule.put("graceDays", 0);
        rule.put("finePerDay", "0.10");
        rule.put("maxFine", "5.00");
        rule.put("lostAfterDays", 60);
        rule.put("processingFee", "0.00");
        rule.put("holdsAllowed", true);
        rule.put("holdShelfDays", 5);
        expect(201, post(circulationUrl + "/api/v1/policies", rule));
        String patronBarcode = "RNP" + site;
        String patronId = expect(201, post(circulationUrl + "/api/v1/patrons", Map.of("barcode", patronBarcode,
                "firstName", "Renata", "lastName", "Bench", "patronType", "STUDENT", "homeSite", site,
                "grade", "9"))).path("id").asText();
        String titleId = expect(201, post(catalogUrl + "/api/v1/titles", Map.of("title",
                "Renewal bench " + site, "authors", List.of("A. Bench")))).path("id").asText();
        List<Map<String, String>> copies = new ArrayList<>();
        for (int i = 0; i < loans; i++) {
            copies.add(Map.of("siteCode", site, "barcode", String.format(Locale.ROOT, "RN%s%04d", site, i)));
        }
        // the catalog learns of the new school from circulation's site event: retry until it has
        HttpResponse<String> added = null;
        for (long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < deadline; ) {
            added = post(catalogUrl + "/api/v1/titles/" + titleId + "/copies", copies);
            if (added.statusCode() == 201) {
                break;
            }
            Thread.sleep(500);
        }
        expect(201, added);
        for (Map<String, String> copy : copies) {
            awaitReplica(copy.get("barcode"));
            expect(201, post(circulationUrl + "/api/v1/checkouts", Map.of("siteCode", site,
                    "patronBarcode", patronBarcode, "itemBarcode", copy.get("barcode"))));
        }
        String url = circulationUrl + "/api/v1/patrons/" + patronId + "/loans/renewals";
        renewAll(url, loans);
        List<Double> ms = new ArrayList<>();
        long failed = 0;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            if (!renewAll(url, loans)) {
                failed++;
            }
            ms.add((System.nanoTime() - started) / 1e6);
        }
        double seconds = ms.stream().mapToDouble(Double::doubleValue).sum() / 1000;
        return Figure.ofSamples("renew all " + loans + " loans of one patron (one request)", runs / seconds, ms,
                failed);
    }

    /** One renew-all; true when it answered 200 and renewed every loan. */
    private boolean renewAll(String url, int loans) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return false;
        }
        JsonNode results = JSON.readTree(answer.body());
        int renewed = 0;
        for (JsonNode result : results) {
            if (result.path("renewed").asBoolean()) {
                renewed++;
            }
        }
        return renewed == loans;
    }

    private void awaitReplica(String barcode) throws IOException, InterruptedException {
        for (long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); System.nanoTime() < deadline; ) {
            if (http.send(HttpRequest.newBuilder(URI.create(circulationUrl + "/api/v1/copies/" + barcode))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("circulation's replica never received copy " + barcode);
    }

    private HttpResponse<String> post(String url, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> answer) throws IOException {
        if (answer == null || answer.statusCode() != status) {
            throw new IllegalStateException("renew-all setup: " + (answer == null ? "no answer"
                    : answer.request().method() + " " + answer.request().uri() + " answered " + answer.statusCode()
                    + " " + answer.body()));
        }
        return JSON.readTree(answer.body());
    }
}
