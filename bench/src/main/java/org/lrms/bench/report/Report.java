package org.lrms.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one report of a run: Markdown for people, JSON for tools, an HTML page with a chart of every latency figure
 * (Gatling's own HTML reports are linked from it). Figures are also read against the machine's limits measured in
 * the same run.
 */
public final class Report {

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Figure> limits = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> charts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failedScenarios = new ArrayList<>();
    private final Instant started = Instant.now();

    public Report machine(String key, Object value) {
        machine.put(key, value);
        return this;
    }

    public Report parameter(String key, Object value) {
        parameters.put(key, value);
        return this;
    }

    public void limit(Figure figure) {
        limits.add(figure);
    }

    public void figure(Figure figure) {
        figures.add(figure);
    }

    public void target(String description, String measured, boolean met) {
        targets.add(new Target(description, measured, met));
    }

    public void chart(String name, Path htmlReport, Path reportDir) {
        charts.put(name, reportDir.relativize(htmlReport).toString());
    }

    public void note(String note) {
        notes.add(note);
    }

    /** A scenario that did not run to its end: a line of the targets, missed, and a note saying why. */
    public void failed(String scenario, String why) {
        failedScenarios.add(scenario);
        targets.add(new Target("scenario " + scenario + " runs to its end", "failed: " + why, false));
        note("scenario " + scenario + " failed, so its figures are missing: " + why + " (bench.log has the trace)");
    }

    public boolean anyScenarioFailed() {
        return !failedScenarios.isEmpty();
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine);
        json.put("parameters", parameters);
        json.put("limits", limits);
        json.put("figures", figures);
        json.put("targets", targets);
        json.put("charts", charts);
        json.put("notes", notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(),
                json);
        Files.writeString(dir.resolve("report.md"), markdown());
        Files.writeString(dir.resolve("report.html"), html());
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# LRMS benchmark report\n\n");
        md.append("Run ").append(started).append("\n\n## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Parameters\n\n");
        parameters.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Targets\n\n| target | measured | |\n|---|---|---|\n");
        targets.forEach(t -> md.append("| ").append(t.description()).append(" | ").append(t.measured())
                .append(" | ").append(t.met() ? "met" : "**missed**").append(" |\n"));
        md.append("\n## The machine's limits (same run)\n\n");
        table(md, limits);
        md.append("\n## Figures\n\n");
        table(md, figures);
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            charts.forEach((k, v) -> md.append("- [").append(k).append("](").append(v).append(")\n"));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Figure> list) {
        md.append("| figure | per s | mean ms | p50 ms | p95 ms | p99 ms | requests | failed | value |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : list) {
            md.append("| ").append(f.name()).append(" | ").append(num(f.perSecond())).append(" | ")
                    .append(num(f.meanMs())).append(" | ").append(num(f.p50Ms())).append(" | ")
                    .append(num(f.p95Ms())).append(" | ").append(num(f.p99Ms())).append(" | ")
                    .append(f.requests() == null ? "" : f.requests()).append(" | ")
                    .append(f.failed() == null ? "" : f.failed()).append(" | ")
                    .append(f.value() == null ? "" : num(f.value()) + " " + f.unit()).append(" |\n");
        }
    }

    private String html() {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>LRMS benchmark</title>"
                + "<style>body{font:14px system-ui;margin:2em}td,th{padding:2px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.missed{color:#b00;font-weight:bold}</style>"
                + "<h1>LRMS benchmark</h1><h2>Targets</h2><table>");
        targets.forEach(t -> html.append("<tr><td>").append(escape(t.description())).append("<td>")
                .append(escape(t.measured())).append("<td class=").append(t.met() ? "met>met" : "missed>missed"));
        html.append("</table><h2>p99 latency (ms)</h2>");
        List<Figure> withLatency = new ArrayList<>();
        limits.stream().filter(f -> f.p99Ms() != null).forEach(withLatency::add);
        figures.stream().filter(f -> f.p99Ms() != null).forEach(withLatency::add);
        double max = withLatency.stream().mapToDouble(Figure::p99Ms).max().orElse(1);
        int row = 0;
        html.append("<svg width=900 height=").append(24 * withLatency.size() + 10).append(">");
        for (Figure f : withLatency) {
            double width = Math.max(1, 600 * f.p99Ms() / max);
            html.append("<text x=0 y=").append(24 * row + 16).append(">").append(escape(f.name())).append("</text>")
                    .append("<rect x=280 y=").append(24 * row + 4).append(" height=16 width=")
                    .append(String.format(Locale.ROOT, "%.0f", width)).append(" fill=#3b7dd8></rect>")
                    .append("<text x=").append(String.format(Locale.ROOT, "%.0f", 285 + width)).append(" y=")
                    .append(24 * row + 16).append(">").append(num(f.p99Ms())).append("</text>");
            row++;
        }
        html.append("</svg><h2>Gatling reports</h2><ul>");
        charts.forEach((k, v) -> html.append("<li><a href=\"").append(escape(v)).append("\">").append(escape(k))
                .append("</a>"));
        return html.append("</ul>").toString();
    }

    private static String num(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
