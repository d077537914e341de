package org.lrms.portal.page;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs a check of one of the page's plain-function scripts in Node, the JavaScript engine this machine has: {@code
 * node <check> <script>} must end with "all checks passed". Skipped, saying so, where no {@code node} is installed.
 */
final class NodeScript {

    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources");
    private static final Path CHECKS = Path.of("src/test/resources");

    private NodeScript() {
    }

    static void check(String script, String check) throws Exception {
        assumeTrue(nodeVersion() != null, "no node on this machine: " + script + " is not checked");
        Process node = new ProcessBuilder("node", CHECKS.resolve(check).toAbsolutePath().toString(),
                PAGE.resolve(script).toAbsolutePath().toString()).redirectErrorStream(true).start();
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
