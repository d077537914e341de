package org.lrms.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrms.bench.report.Report;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scenario that fails (a service down) is named in the report and the log; the bench goes on. */
class ScenarioFailureTest {

    @Test
    void aFailedScenarioIsNamedInTheReportAndItsTraceInTheLog(@TempDir Path out) throws Exception {
        Path log = out.resolve("bench.log");
        Files.writeString(log, "gatling's lines\n");
        Report report = new Report();
        BenchMain.failed(report, "oneroster-import", new ConnectException("circulation refused"), log);
        report.write(out);

        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("scenario oneroster-import failed, so its figures are missing: "
                + "java.net.ConnectException: circulation refused"), md);
        assertTrue(md.contains("| scenario oneroster-import runs to its end | failed: java.net.ConnectException: "
                + "circulation refused | **missed** |"), md);
        assertTrue(report.anyScenarioFailed());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("scenario oneroster-import failed"), json);
        String written = Files.readString(log);
        assertTrue(written.startsWith("gatling's lines\nscenario oneroster-import failed:\n"), written);
        assertTrue(written.contains("at org.lrms.bench.ScenarioFailureTest"), written);
    }
}
