package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The search page's wording (search-summary.js: "About 61,367 titles found", the note on partial facet counts) run
 * in Node, the JavaScript engine this machine has (the page's script is plain functions, no DOM). Skipped, saying so,
 * where no {@code node} is installed.
 */
class SearchSummaryScriptTest {

    private static final Path SCRIPT = Path.of("src/main/resources/META-INF/resources/search-summary.js");
    private static final Path CHECK = Path.of("src/test/resources/search-summary-check.js");

    @Test
    void theTotalIsAboutNWhenTheCatalogEstimatesItAndPartialFacetCountsAreSaid() throws Exception {
        assumeTrue(nodeVersion() != null, "no node on this machine: the search page's wording is not checked");
        Process node = new ProcessBuilder("node", CHECK.toAbsolutePath().toString(),
                SCRIPT.toAbsolutePath().toString()).redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("all checks passed"), output);
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0
                    ? new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
