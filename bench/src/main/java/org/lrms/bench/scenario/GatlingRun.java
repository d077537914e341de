package org.lrms.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in a JVM of its own (so the load generator's heap and threads are not the runner's)
 * and reads the figures of each request kind from the report Gatling wrote (its HTML report is the run's chart).
 */
public final class GatlingRun {

    private final String classpath;
    private final Path resultsDir;

    public GatlingRun(String classpath, Path resultsDir) {
        this.classpath = classpath;
        this.resultsDir = resultsDir;
    }

    /** Runs {@code simulation} with {@code params} as -Dlrms.* properties; answers figures per request name. */
    public Result run(Class<?> simulation, Map<String, String> params, Path log)
            throws IOException, InterruptedException {
        Path folder = resultsDir.resolve("gatling");
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx1g"));
        params.forEach((k, v) -> command.add("-Dlrms." + k + "=" + v));
        command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling",
                "-s", simulation.getName(), "-rf", folder.toString(), "-rd", simulation.getSimpleName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int exit = process.waitFor();
        Path report = newestReport(folder, simulation.getSimpleName().toLowerCase());
        if (report == null) {
            throw new IllegalStateException(simulation.getSimpleName() + " wrote no report (exit " + exit + "); see "
                    + log);
        }
        return new Result(read(report.resolve("js/stats.json")), report.resolve("index.html"));
    }

    /** Figures by request name ("All Requests" for the whole run) and the HTML chart of the run. */
    public record Result(Map<String, Figure> figures, Path chart) {
        public Figure all() {
            return figures.get("All Requests");
        }
    }

    private static Path newestReport(Path folder, String prefix) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.exists(p.resolve("js/stats.json")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElse(null);
        }
    }

    static Map<String, Figure> read(Path statsJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(statsJson.toFile());
        Map<String, Figure> figures = new LinkedHashMap<>();
        collect(root, figures);
        return figures;
    }

    private static void collect(JsonNode node, Map<String, Figure> figures) {
        JsonNode stats = node.get("stats");
        if (stats != null) {
            String name = node.path("name").asText(stats.path("name").asText());
            figures.put(name, Figure.latency(name,
                    stats.at("/meanNumberOfRequestsPerSecond/total").asDouble(),
                    stats.at("/meanResponseTime/total").asDouble(),
                    stats.at("/percentiles1/total").asDouble(),
                    stats.at("/percentiles3/total").asDouble(),
                    stats.at("/percentiles4/total").asDouble(),
                    stats.at("/numberOfRequests/total").asLong(),
                    stats.at("/numberOfRequests/ko").asLong()));
        }
        JsonNode contents = node.get("contents");
        if (contents != null) {
            contents.forEach(child -> collect(child, figures));
        }
    }
}
