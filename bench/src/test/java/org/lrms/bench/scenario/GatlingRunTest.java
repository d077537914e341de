package org.lrms.bench.scenario;

import org.junit.jupiter.api.Test;
import org.lrms.bench.report.Figure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatlingRunTest {

    @Test
    void readsEveryRequestKindFromGatlingsReport() throws Exception {
        Map<String, Figure> figures = GatlingRun.read(Path.of(getClass().getResource("/gatling-index.html").toURI()));
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
    void percentilesRoundUp() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 100.0);
        assertEquals(3.0, Figure.percentile(sorted, 50));
        assertEquals(100.0, Figure.percentile(sorted, 99));
        assertEquals(1.0, Figure.percentile(sorted, 1));
    }
}
