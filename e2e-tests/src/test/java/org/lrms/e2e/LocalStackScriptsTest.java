package org.lrms.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helpers of {@code deploy/local/lib.sh} that run.sh depends on, without starting anything. */
class LocalStackScriptsTest {

    private static final Path PROJECT =
            Paths.get(System.getProperty("lrms.project.dir", "..")).toAbsolutePath().normalize();

    @TempDir
    Path state;

    /**
     * One id in 64 drawn the old way began with '-' (a first byte of 0xF8 to 0xFB), and Kafka's StorageTool then read
     * it as an option and refused to format: run.sh failed at random. Here the first 16 random bytes are such a draw.
     */
    @Test
    void aClusterIdThatWouldLookLikeAnOptionIsDrawnAgain() throws Exception {
        List<String> out = source("""
                head() {
                  if [[ ! -e "$LRMS_STATE_DIR/drawn" ]]; then
                    touch "$LRMS_STATE_DIR/drawn"; printf '\\xf8%015d' 0
                  else command head "$@"; fi
                }
                printf '\\xf8%015d' 0 | base64 | tr '+/' '-_'
                new_kafka_cluster_id""");
        assertTrue(out.get(0).startsWith("-"), "the forced draw is not one that looks like an option: " + out);
        assertTrue(out.get(1).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), "not a usable cluster id: " + out.get(1));
    }

    @Test
    void everyKafkaClusterIdIsTwentyTwoUrlSafeCharacters() throws Exception {
        List<String> ids = source("for i in $(seq 100); do new_kafka_cluster_id; done");
        assertEquals(100, ids.size());
        for (String id : ids) {
            assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), "not a usable cluster id: " + id);
        }
        assertEquals(100, new HashSet<>(ids).size(), "ids repeat");
    }

    @Test
    void sharedBuffersAreAQuarterOfTheMachinesMemoryInMegabytes() throws Exception {
        List<String> out = source("quarter_of_memory; awk '/^MemTotal:/ {print $2}' /proc/meminfo");
        long expected = Math.max(128, Long.parseLong(out.get(1)) / 4096);
        assertEquals(expected + "MB", out.get(0));
    }

    private List<String> source(String script) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                "source \"$1\" && " + script, "bash", PROJECT.resolve("deploy/local/lib.sh").toString());
        bash.environment().put("LRMS_STATE_DIR", state.toString());
        bash.redirectErrorStream(true);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
