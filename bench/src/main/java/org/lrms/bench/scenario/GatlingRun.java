package org.lrms.bench.scenario;

import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one Gatling simulation in a JVM of its own (so the load generator's heap and threads are not the runner's)
 * and reads the figures of each request kind from the report Gatling wrote (its HTML report is the run's chart).
 */
public final class GatlingRun {

    /** The prefix of a request's name during the warm-up ({@link Phases}): such requests are not counted. */
    public static final String WARM_UP = "warm-up ";

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
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx1g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
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
        Path index = report.resolve("index.html");
        String html = Files.readString(index);
        return new Result(read(html, index), index, errors(html));
    }

    /**
     * Figures by request name ("All Requests" for the whole run, warm-up included; a warm-up request's name starts
     * with {@link #WARM_UP}), the HTML chart of the run, and how many requests failed with each message (warm-up
     * included), from Gatling's error table.
     */
    public record Result(Map<String, Figure> figures, Path chart, Map<String, Long> errors) {

        public Figure all() {
            return figures.get("All Requests");
        }

        /**
         * The measured run's figure of one request, its rate over the {@code seconds} measured (Gatling divides by
         * the whole run, warm-up included); null when the run made none.
         */
        public Figure measured(String request, int seconds) {
            Figure f = figures.get(request);
            return f == null ? null : perSecond(f, f.requests() / (double) seconds);
        }

        /** The warm-up's figure of one request, its rate over the {@code seconds} of warm-up; null when none. */
        public Figure warmUp(String request, int seconds) {
            Figure f = figures.get(WARM_UP + request);
            return f == null || seconds <= 0 ? null : perSecond(f, f.requests() / (double) seconds);
        }

        private static Figure perSecond(Figure f, double perSecond) {
            return new Figure(f.name(), perSecond, f.meanMs(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.requests(),
                    f.failed(), f.value(), f.unit());
        }
    }

    private static Path newestReport(Path folder, String prefix) throws IOException {
        try (Stream<Path> runs = Files.list(folder)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.exists(p.resolve("index.html")))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElse(null);
        }
    }

    private static final Pattern ERROR = Pattern.compile("<td class=\"error-col-1 total ko\">([^<]*)<span[^>]*>[^<]*"
            + "</span></td>\\s*<td class=\"value error-col-2 total ko\">([\\d,]+)</td>");

    /** Gatling's error table: each failure's message (e.g. a failed check's) and how many requests failed so. */
    static Map<String, Long> errors(String indexHtml) {
        Map<String, Long> errors = new LinkedHashMap<>();
        Matcher row = ERROR.matcher(indexHtml);
        while (row.find()) {
            errors.merge(row.group(1).trim(), Long.parseLong(row.group(2).replace(",", "")), Long::sum);
        }
        return errors;
    }

    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /**
     * Reads the statistics table of Gatling's HTML report (Gatling 3.14 writes no JSON of it): per row, the request
     * name, then count (col 2), KO (4), count per second (6), p50 (8), p95 (10), p99 (11), mean (13).
     */
    static Map<String, Figure> read(String html, Path indexHtml) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (String row : html.split("<tr")) {
            Matcher name = NAME.matcher(row);
            if (!name.find()) {
                continue;
            }
            Map<Integer, Double> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row);
            while (cell.find()) {
                String text = cell.group(2).trim();
                cells.put(Integer.parseInt(cell.group(1)), text.equals("-") || text.isEmpty() ? 0
                        : Double.parseDouble(text.replace(",", "")));
            }
            if (!cells.containsKey(2)) {
                continue;
            }
            String request = name.group(1).trim();
            figures.putIfAbsent(request, Figure.latency(request, cells.getOrDefault(6, 0.0),
                    cells.getOrDefault(13, 0.0), cells.getOrDefault(8, 0.0), cells.getOrDefault(10, 0.0),
                    cells.getOrDefault(11, 0.0), cells.get(2).longValue(), cells.getOrDefault(4, 0.0).longValue()));
        }
        if (figures.isEmpty()) {
            throw new IllegalStateException("no statistics found in " + indexHtml);
        }
        return figures;
    }
}
