package org.lrms.bench.scenario;

import org.junit.jupiter.api.Test;
import org.lrms.bench.report.Figure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatlingRunTest {

    @Test
    void readsEveryRequestKindFromGatlingsReport() throws Exception {
        Path report = Path.of(getClass().getResource("/gatling-index.html").toURI());
        Map<String, Figure> figures = GatlingRun.read(Files.readString(report), report);
        Figure all = figures.get("All Requests");
        assertEquals(391364, all.requests());
        assertEquals(0, all.failed());
        assertEquals(10.0, all.p99Ms());
        assertEquals(13045.47, all.perSecond());
        Figure checkOut = figures.get("check-out");
        assertEquals(500, checkOut.requests());
        assertEquals(3, checkOut.failed());
        assertEquals(7.0, checkOut.p95Ms());
        assertEquals(250.0, checkOut.perSecond());
    }

    @Test
    void readsWhichRefusalsFailedFromGatlingsErrorTable() {
        String html = """
                <table id="container_errors" class="statistics-in extensible-geant">
                <tbody>
                <tr>
                	<td class="error-col-1 total ko">regex("code":"([^"]+)").find.notExists, but actually found \
                item-on-loan<span class="value" style="display:none">0</span></td>
                	<td class="value error-col-2 total ko">1,022</td>
                	<td class="value error-col-3 total ko">97%</td>
                </tr>
                <tr>
                	<td class="error-col-1 total ko">status.find.in(200,201), but actually found 500<span \
                class="value" style="display:none">1</span></td>
                	<td class="value error-col-2 total ko">31</td>
                """;
        Map<String, Long> errors = GatlingRun.errors(html);
        assertEquals(List.of("regex(\"code\":\"([^\"]+)\").find.notExists, but actually found item-on-loan",
                "status.find.in(200,201), but actually found 500"), List.copyOf(errors.keySet()));
        assertEquals(1022L, errors.get("regex(\"code\":\"([^\"]+)\").find.notExists, but actually found "
                + "item-on-loan"));
        assertEquals(31L, errors.get("status.find.in(200,201), but actually found 500"));
        assertTrue(GatlingRun.errors("<table id=\"container_errors\"></table>").isEmpty());
    }

    @Test
    void theMeasuredRunLeavesTheWarmUpOutAndCountsItsRateOverItsOwnSeconds() {
        Map<String, Figure> figures = Map.of(
                "All Requests", Figure.latency("All Requests", 100, 9, 3, 40, 900, 8000, 0),
                "warm-up GET copy by barcode", Figure.latency("warm-up GET copy by barcode", 25, 30, 4, 200, 900,
                        2000, 0),
                "GET copy by barcode", Figure.latency("GET copy by barcode", 75, 3, 3, 5, 7, 6000, 1));
        GatlingRun.Result result = new GatlingRun.Result(figures, Path.of("index.html"), Map.of());

        Figure measured = result.measured("GET copy by barcode", 60);
        assertEquals(7.0, measured.p99Ms());
        assertEquals(6000, measured.requests());
        assertEquals(1, measured.failed());
        assertEquals(100.0, measured.perSecond());
        Figure warmUp = result.warmUp("GET copy by barcode", 20);
        assertEquals(900.0, warmUp.p99Ms());
        assertEquals(100.0, warmUp.perSecond());
        assertNull(result.measured("search", 60));
        assertNull(result.warmUp("GET copy by barcode", 0));
    }

    @Test
    void aRequestBelongsToTheWarmUpUntilItsSecondsHavePassedSinceTheFirstUser() {
        Phases phases = new Phases(Duration.ofSeconds(20));
        long first = 1_000_000_000L;
        assertTrue(phases.warmingUp(first));
        assertTrue(phases.warmingUp(first + 19_999_999_999L));
        assertFalse(phases.warmingUp(first + 20_000_000_000L));
        assertFalse(new Phases(Duration.ZERO).warmingUp(first));
        assertEquals("#{phase}check-out", Phases.named("check-out"));
    }

    @Test
    void percentilesRoundUp() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 100.0);
        assertEquals(3.0, Figure.percentile(sorted, 50));
        assertEquals(100.0, Figure.percentile(sorted, 99));
        assertEquals(1.0, Figure.percentile(sorted, 1));
    }
}
