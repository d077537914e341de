package org.lrms.bench;

import org.lrms.bench.generate.DistrictGenerator;
import org.lrms.bench.generate.MarcFileGenerator;
import org.lrms.bench.generate.Scale;
import org.lrms.bench.limits.Memory;
import org.lrms.bench.limits.PgBench;
import org.lrms.bench.report.Figure;
import org.lrms.bench.report.Report;
import org.lrms.bench.renewal.RenewAllRun;
import org.lrms.bench.reporting.IngestionRun;
import org.lrms.bench.reporting.LoanHistory;
import org.lrms.bench.reporting.ReportTiming;
import org.lrms.bench.roster.OneRosterZip;
import org.lrms.bench.roster.RosterImportRun;
import org.lrms.bench.scenario.BarcodeLookupSimulation;
import org.lrms.bench.scenario.DeskLatencySimulation;
import org.lrms.bench.scenario.DeskLatencySimulation.DeskSteps;
import org.lrms.bench.scenario.DeskStormSimulation;
import org.lrms.bench.scenario.FreshnessProbe;
import org.lrms.bench.scenario.GatlingRun;
import org.lrms.bench.scenario.HelloSimulation;
import org.lrms.bench.scenario.HelloRateSimulation;
import org.lrms.bench.scenario.MarcImportRun;
import org.lrms.bench.scenario.SearchSimulation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a chosen scale and scenarios against the running local stack and writes one report. See bench/README.md.
 * <pre>
 * ./bench/run.sh --scale small --scenarios all --duration 60
 * </pre>
 */
public final class BenchMain {

    static final List<String> ALL = List.of("generate", "limits", "memory-idle", "lookup", "search",
            "desk-latency", "desk-storm", "marc-import", "oneroster-import", "monthly-report", "renew-all",
            "reporting-ingestion");
    /** The size of the district's roster that the OneRoster target is about. */
    static final int DISTRICT_ROSTER = 600_000;
    /** A school year of a 1,200-school district: the loans the monthly-report target is about. */
    static final long DISTRICT_LOANS = 20_000_000L;
    static final List<String> SERVICES = List.of("catalog", "circulation", "textbook", "acquisitions", "reporting");

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
            checkScenarios(options);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + " (./bench/run.sh --help)");
            System.exit(2);
            return;
        }
        if (Boolean.getBoolean("lrms.bench.checkOnly")) {
            return;
        }
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();
        Scale scale = Scale.named(options.getOrDefault("scale", "small")).with(options.integer("sites"),
                options.integer("patrons"), options.integer("titles"), options.integer("copies"));
        long seed = options.whole("seed", 20260901L);
        int duration = options.integer("duration", 60);
        int warmUp = options.integer("warmup", 20);
        int rate = options.integer("rate", 500);
        int desks = options.integer("desks", 32);
        int searchRate = options.integer("search-rate", 100);
        int marcRecords = options.integer("marc-records", 20000);
        String marcSite = options.get("marc-site");
        Set<String> scenarios = scenarios(options.getOrDefault("scenarios", "all"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path out = Path.of(options.getOrDefault("out", project.resolve("bench/results/" + stamp).toString()));
        Files.createDirectories(out);
        Path log = out.resolve("bench.log");
        Path feeds = project.resolve("bench/results/feeds-" + scale.name() + "-" + seed);
        String classpath = options.get("classpath");

        Stack stack = Stack.fromEnvironment(project);
        Report report = new Report()
                .machine("cores", Runtime.getRuntime().availableProcessors())
                .machine("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "))
                .machine("cpu", cpuModel())
                .machine("java", System.getProperty("java.version"))
                .parameter("scale", scale)
                .parameter("seed", seed)
                .parameter("scenarios", scenarios)
                .parameter("duration seconds", duration)
                .parameter("warm-up seconds before each load scenario's measured run (not counted)", warmUp)
                .parameter("offered desk rate per second (each: one check-out and one check-in)", rate)
                .parameter("desks (closed model) and pgbench clients", desks);
        if (scenarios.contains("marc-import")) {
            report.parameter("MARC records", marcRecords)
                    .parameter("MARC holdings site", marcSite == null ? "none (holdings skipped)" : marcSite);
        }

        if (scenarios.contains("generate")) {
            say("generating " + scale + " (seed " + seed + ")");
            AtomicLong rows = new AtomicLong();
            long started = System.nanoTime();
            Thread ticker = ticker(rows, started);
            DistrictGenerator.Loaded loaded = new DistrictGenerator(scale, seed, stack.jdbcUrl("catalog"),
                    stack.jdbcUrl("circulation"), "lrms", "lrms").generate(feeds, rows::addAndGet);
            ticker.interrupt();
            if (loaded.skipped()) {
                report.note("generation skipped: this scale and seed were loaded before");
            } else {
                report.figure(Figure.value("generator load (rows/s, COPY)", loaded.rowsPerSecond(), "rows/s"));
                say(String.format(Locale.ROOT, "loaded %d rows in %.0f s (%.0f rows/s)", loaded.rows(),
                        loaded.seconds(), loaded.rowsPerSecond()));
            }
        }
        if (!Files.exists(feeds.resolve("desk.csv")) && needsFeeds(scenarios)) {
            throw new IllegalStateException("no generated data for this scale and seed: include 'generate'");
        }

        GatlingRun gatling = new GatlingRun(classpath, out);
        Memory memory = new Memory(stack.stateDir().resolve("pids"), SERVICES);
        Map<String, String> common = new HashMap<>(Map.of("catalogUrl", stack.catalogUrl(),
                "circulationUrl", stack.circulationUrl(), "duration", String.valueOf(duration),
                "desks", String.valueOf(desks), "warmup", String.valueOf(warmUp)));

        Double pgbenchTps = null;
        Double helloRps = null;
        if (scenarios.contains("limits")) {
            try {
                say("limit: pgbench with " + desks + " clients");
                Figure pg = new PgBench(stack.pgBin(), stack.pgPort(), "lrms", "lrms").run(desks, duration, 10,
                        out.resolve("pgbench.log"));
                report.limit(pg);
                pgbenchTps = pg.perSecond();
                say("limit: hello endpoint with " + desks + " clients");
                GatlingRun.Result hello = gatling.run(HelloSimulation.class, common, log);
                report.limit(rename(hello.all(), "hello endpoint (catalog /q/health/live), " + desks + " clients"));
                report.chart("hello", hello.chart(), out);
                helloRps = hello.all().perSecond();
            } catch (Exception e) {
                failed(report, "limits", e, log);
            }
        }
        if (scenarios.contains("memory-idle")) {
            try {
                Map<String, Double> idle = memory.residentMb();
                idle.forEach((svc, mb) -> report.figure(Figure.value(svc + " resident idle", mb, "MB")));
                double worst = idle.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                report.target("each service <= 300 MB resident idle", String.format(Locale.ROOT, "max %.0f MB", worst),
                        worst <= 300);
            } catch (Exception e) {
                failed(report, "memory-idle", e, log);
            }
        }
        String token = needsToken(scenarios) ? stack.token("district.admin") : "";
        if (!token.isEmpty()) {
            stack.signIn(token);
        }
        common.put("token", token);

        if (scenarios.contains("lookup")) {
            try {
                say("barcode lookup at " + rate + "/s");
                Map<String, String> p = with(common, "feed", feeds.resolve("lookup.csv").toString(), "rate",
                        String.valueOf(rate));
                GatlingRun.Result lookup = gatling.run(BarcodeLookupSimulation.class, p, log);
                String name = "barcode lookup, " + rate + "/s offered";
                warmUpFigure(report, lookup, BarcodeLookupSimulation.REQUEST, name, warmUp);
                Figure f = measured(lookup, BarcodeLookupSimulation.REQUEST, name, duration);
                report.figure(f);
                report.chart("barcode lookup", lookup.chart(), out);
                say("the floor: the hello endpoint at " + rate + "/s");
                GatlingRun.Result hello = gatling.run(HelloRateSimulation.class, p, log);
                Figure floor = measured(hello, HelloRateSimulation.REQUEST,
                        "hello endpoint (catalog /q/health/live), " + rate + "/s offered: the floor", duration);
                report.limit(floor);
                report.chart("hello at the lookup's rate", hello.chart(), out);
                report.target("barcode lookup p99 <= 5 ms", ms(f.p99Ms()) + " (the floor: the hello endpoint at "
                        + rate + "/s, p99 " + ms(floor.p99Ms()) + ")", f.p99Ms() <= 5 && f.failed() == 0);
                ratio(report, f, helloRps);
            } catch (Exception e) {
                failed(report, "lookup", e, log);
            }
        }
        if (scenarios.contains("search")) {
            try {
                say("catalog search at " + searchRate + "/s");
                Map<String, String> p = with(common, "feed", feeds.resolve("search.csv").toString(), "rate",
                        String.valueOf(searchRate));
                GatlingRun.Result search = gatling.run(SearchSimulation.class, p, log);
                String name = "catalog search, " + searchRate + "/s offered";
                warmUpFigure(report, search, SearchSimulation.REQUEST, name, warmUp);
                Figure f = measured(search, SearchSimulation.REQUEST, name, duration);
                report.figure(f);
                report.chart("catalog search", search.chart(), out);
                report.target("search p95 <= 50 ms (at " + scale.titles() + " titles)", ms(f.p95Ms()),
                        f.p95Ms() <= 50 && f.failed() == 0);
            } catch (Exception e) {
                failed(report, "search", e, log);
            }
        }
        if (scenarios.contains("desk-latency")) {
            try {
                say("desk latency: " + rate + " check-outs + " + rate + " check-ins per second (open model)");
                Map<String, String> p = with(common, "feed", feeds.resolve("desk.csv").toString(), "rate",
                        String.valueOf(rate));
                GatlingRun.Result desk = gatling.run(DeskLatencySimulation.class, p, log);
                report.chart("desk latency", desk.chart(), out);
                failures(report, "desk latency", desk);
                for (String kind : List.of(DeskSteps.CHECK_OUT, DeskSteps.CHECK_IN)) {
                    String name = kind + ", " + rate + "/s offered";
                    warmUpFigure(report, desk, kind, name, warmUp);
                    Figure f = desk.measured(kind, duration);
                    if (f == null) {
                        report.note("desk latency: no " + kind + " figure in Gatling's report");
                        continue;
                    }
                    report.figure(rename(f, name));
                    report.target(kind + " p99 <= 25 ms at " + rate + "/s offered", ms(f.p99Ms()) + ", "
                            + f.failed() + " failed", f.p99Ms() <= 25 && f.failed() == 0);
                }
            } catch (Exception e) {
                failed(report, "desk-latency", e, log);
            }
        }
        if (scenarios.contains("desk-storm")) {
            try {
                say("desk storm: " + desks + " desks as fast as they can");
                Map<String, Double> peak = new HashMap<>();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        memory.residentMb().forEach((svc, mb) -> peak.merge(svc, mb, Math::max));
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                sampler.start();
                FreshnessProbe probe = new FreshnessProbe(stack.circulationUrl(), stack.reportingUrl(), token,
                        feeds.resolve("probe.csv"));
                Thread prober = new Thread(() -> {
                    try {
                        Thread.sleep(warmUp * 1000L); // the storm's measured run, not its warm-up
                    } catch (InterruptedException e) {
                        return;
                    }
                    probe.run();
                }, "freshness-probe");
                prober.start();
                Map<String, String> p = with(common, "feed", feeds.resolve("desk.csv").toString());
                GatlingRun.Result storm = gatling.run(DeskStormSimulation.class, p, log);
                failures(report, "desk storm", storm);
                sampler.interrupt();
                prober.interrupt();
                prober.join(35_000);
                Figure freshness = probe.figure(
                        "event freshness under the storm (check-out committed -> in reporting)");
                report.figure(freshness);
                report.target("freshness p99 <= 2 s under the desk storm", ms(freshness.p99Ms()) + " over "
                        + freshness.requests() + " probes", freshness.requests() > 0 && freshness.p99Ms() <= 2000);
                long answered = 0;
                long failed = 0;
                for (String kind : List.of(DeskSteps.CHECK_OUT, DeskSteps.CHECK_IN)) {
                    String name = "desk storm, " + desks + " desks: " + kind;
                    warmUpFigure(report, storm, kind, name, warmUp);
                    Figure k = storm.measured(kind, duration);
                    if (k == null) {
                        throw new IllegalStateException("desk storm: no " + kind + " figure in Gatling's report");
                    }
                    report.figure(rename(k, name));
                    answered += k.requests();
                    failed += k.failed();
                }
                Figure f = new Figure("desk storm, " + desks + " desks (check-outs + check-ins)",
                        answered / (double) duration, null, null, null, null, answered, failed, null, null);
                report.figure(f);
                report.chart("desk storm", storm.chart(), out);
                peak.forEach((svc, mb) -> report.figure(Figure.value(svc + " resident under the storm (peak)", mb,
                        "MB")));
                if (pgbenchTps != null) {
                    double ratio = f.perSecond() / pgbenchTps;
                    report.target("desk storm throughput >= 0.5 x pgbench TPS",
                            String.format(Locale.ROOT, "%.0f/s = %.2f x %.0f TPS", f.perSecond(), ratio, pgbenchTps),
                            ratio >= 0.5 && f.failed() == 0);
                } else {
                    report.note("desk storm: run 'limits' in the same run to compare it with pgbench");
                }
            } catch (Exception e) {
                failed(report, "desk-storm", e, log);
            }
        }
        if (scenarios.contains("marc-import")) {
            try {
                marcImport(report, stack, token, seed, marcRecords, marcSite, out);
            } catch (Exception e) {
                failed(report, "marc-import", e, log);
            }
        }
        if (scenarios.contains("oneroster-import")) {
            try {
                int users = options.has("roster-users") ? options.integer("roster-users", 0)
                        : scale.patrons();
                Path zip = feeds.resolve("oneroster-" + users + ".zip");
                if (!Files.exists(zip)) {
                    say("writing a OneRoster export of " + users + " users");
                    new OneRosterZip(scale, users, seed).write(zip);
                }
                say("OneRoster import of " + users + " users (" + Files.size(zip) / 1024 + " KB zipped)");
                RosterImportRun.Outcome roster = new RosterImportRun(stack.circulationUrl(), token)
                        .run(zip, java.time.Duration.ofMinutes(30), BenchMain::say);
                report.figure(new Figure("OneRoster import, " + users + " users (upload to finish)",
                        roster.usersPerSecond(), null, null, null, null, (long) roster.usersApplied(),
                        (long) (roster.usersRead() - roster.usersApplied()), roster.seconds(), "s"));
                if (!"FINISHED".equals(roster.status()) || roster.errors() > 0) {
                    report.note("OneRoster import: " + roster.status() + ", " + roster.errors() + " rows failed"
                            + (roster.failure() == null ? "" : ": " + roster.failure()));
                }
                String measured = String.format(Locale.ROOT, "%,d users in %.0f s (%,.0f users/s)", users,
                        roster.seconds(), roster.usersPerSecond());
                if (users >= DISTRICT_ROSTER) {
                    report.target("OneRoster import of 600,000 users <= 120 s", measured,
                            roster.seconds() <= 120 && roster.errors() == 0 && "FINISHED".equals(roster.status()));
                } else {
                    report.note(String.format(Locale.ROOT, "OneRoster: %s; the 120 s target is for %,d users "
                            + "(--roster-users %d or --scale district)", measured, DISTRICT_ROSTER, DISTRICT_ROSTER));
                }
            } catch (Exception e) {
                failed(report, "oneroster-import", e, log);
            }
        }
        if (scenarios.contains("monthly-report")) {
            try {
                long loans = options.has("report-loans") ? options.whole("report-loans", 0)
                        : scale.patrons() * 100L / 3;
                say("reporting: a school year of " + loans + " loans at " + scale.sites() + " sites");
                LoanHistory.Loaded history = new LoanHistory(stack.jdbcUrl("reporting"), "lrms", "lrms")
                        .load(loans, scale.sites(), scale.patrons(), scale.titles(), seed);
                if (history.skipped()) {
                    report.note("monthly report: the " + loans + " loans of this seed were loaded before");
                } else {
                    report.figure(Figure.value("reporting history load (" + loans + " loans, "
                            + history.countRows() + " daily count rows)", history.seconds(), "s"));
                }
                String url = stack.reportingUrl() + "/api/v1/reports/circulation?from=" + LoanHistory.FROM + "&to="
                        + LoanHistory.TO + "&interval=month";
                // a fresh token: loading the history can outlast the first one
                Figure monthly = new ReportTiming(stack.token("district.admin")).time("district-wide monthly "
                        + "circulation report, 12 months, "
                        + loans + " loans", url, 5);
                report.figure(monthly);
                if (loans >= DISTRICT_LOANS && scale.sites() >= 1200) {
                    report.target("district monthly circulation report over 20 M loans <= 1 s", ms(monthly.p95Ms()),
                            monthly.p95Ms() <= 1000 && monthly.failed() == 0);
                } else {
                    report.note("monthly report: " + ms(monthly.p50Ms()) + " p50 over " + loans + " loans; the 1 s "
                            + "target is for 20,000,000 loans at 1,200 sites (--scale district)");
                }
            } catch (Exception e) {
                failed(report, "monthly-report", e, log);
            }
        }
        if (scenarios.contains("renew-all")) {
            try {
                Figure renewAll = new RenewAllRun(stack.catalogUrl(), stack.circulationUrl(), token)
                        .run(100, 20, seed, BenchMain::say);
                report.figure(renewAll);
                report.target("renew all 100 loans of one patron in one request <= 200 ms", ms(renewAll.p95Ms())
                        + " p95 (p50 " + ms(renewAll.p50Ms()) + ")", renewAll.p95Ms() <= 200 && renewAll.failed() == 0);
            } catch (Exception e) {
                failed(report, "renew-all", e, log);
            }
        }
        if (scenarios.contains("reporting-ingestion")) {
            try {
                reportingIngestion(report, stack, scale, seed,
                        options.whole("ingest-events", 100_000L));
            } catch (Exception e) {
                failed(report, "reporting-ingestion", e, log);
            }
        }
        report.write(out);
        say("report: " + out.resolve("report.md"));
        System.out.println(Files.readString(out.resolve("report.md")));
        if (report.anyScenarioFailed()) {
            say("a scenario failed (see the report's targets): exit code 1");
            System.exit(1);
        }
    }

    /**
     * Imports a generated file twice: the first time its records are new titles (unless an earlier run imported the
     * same seed), the second time every record matches. The target applies to the first import.
     */
    private static void marcImport(Report report, Stack stack, String token, long seed, int records, String site,
                                   Path out) throws Exception {
        Path file = out.resolve("marc-" + seed + "-" + records + ".mrc");
        say("generating " + records + " MARC records (seed " + seed + ")");
        new MarcFileGenerator(seed).write(file, records);
        report.note(String.format(Locale.ROOT, "MARC file: %,d records, %,d bytes (ISO 2709, UTF-8)", records,
                MarcImportRun.size(file)));
        MarcImportRun run = new MarcImportRun(stack.catalogUrl(), token);
        say("MARC import of " + records + " records (strict matching)");
        MarcImportRun.Result first = run.post(file, "strict", site, BenchMain::say);
        say("  " + first.summary());
        say("MARC import of the same file again (every record matches)");
        MarcImportRun.Result again = run.post(file, "strict", site, BenchMain::say);
        say("  " + again.summary());
        report.figure(first.figure("MARC import (records/s), " + first.created() + " created, " + first.matched()
                + " matched"));
        report.figure(again.figure("MARC import again (records/s), " + again.created() + " created, "
                + again.matched() + " matched"));
        if (first.created() == 0) {
            report.note("MARC import: this seed was imported before, so the first import matched too");
        }
        report.target("MARC import >= 2,000 records/s", String.format(Locale.ROOT, "%,.0f records/s (%,.0f when "
                + "all match)", first.recordsPerSecond(), again.recordsPerSecond()),
                first.recordsPerSecond() >= 2000 && first.rejected() == 0);
        Files.deleteIfExists(file);
    }

    /** Publishes circulation events to Kafka and times reporting until its freshness counts them all applied. */
    private static void reportingIngestion(Report report, Stack stack, Scale scale, long seed,
                                           long events) throws Exception {
        say("reporting ingestion: " + events + " circulation events published to Kafka");
        IngestionRun.Result r = new IngestionRun(stack.kafkaBootstrap(), stack.reportingUrl(), () -> {
            try {
                return stack.token("district.admin");
            } catch (Exception e) {
                throw new IllegalStateException("no token from Keycloak", e);
            }
        })
                .run(events, scale.sites(), scale.patrons(), scale.titles(), seed, java.time.Duration.ofMinutes(20),
                        BenchMain::say);
        report.figure(Figure.value("reporting ingestion (" + events + " loan events, first send to all applied)",
                r.eventsPerSecond(), "events/s"));
        report.note(String.format(Locale.ROOT, "reporting ingestion: published in %.1f s (%,.0f/s), applied by "
                + "%.1f s, highest lag seen %,d", r.publishSeconds(), events / r.publishSeconds(), r.seconds(),
                r.maxLag()));
        report.target("reporting ingestion >= 5,000 events/s", String.format(Locale.ROOT, "%,.0f events/s%s",
                r.eventsPerSecond(), r.complete() ? "" : " (not all applied in 20 min)"),
                r.complete() && r.eventsPerSecond() >= 5000);
    }

    private static void ratio(Report report, Figure figure, Double helloRps) {
        if (helloRps != null && figure.perSecond() != null) {
            report.note(String.format(Locale.ROOT, "%s served %.0f/s, %.2f of the hello endpoint's %.0f/s",
                    figure.name(), figure.perSecond(), figure.perSecond() / helloRps, helloRps));
        }
    }

    /** Which refusals (or other failures) a desk run met, warm-up included: a failure count alone says nothing. */
    private static void failures(Report report, String scenario, GatlingRun.Result result) {
        result.errors().forEach((message, count) -> report.note(scenario + ": " + count + " request(s) failed: "
                + message));
    }

    /** The measured run's figure of one request, named for the report; the run must have made some. */
    private static Figure measured(GatlingRun.Result result, String request, String name, int seconds) {
        Figure f = result.measured(request, seconds);
        if (f == null) {
            throw new IllegalStateException("no '" + request + "' figure in Gatling's report");
        }
        return rename(f, name);
    }

    /** The warm-up's figure, reported apart and not held against any target. */
    private static void warmUpFigure(Report report, GatlingRun.Result result, String request, String name,
                                     int seconds) {
        Figure f = result.warmUp(request, seconds);
        if (f != null) {
            report.figure(rename(f, name + ", warm-up (first " + seconds + " s, not counted)"));
        }
    }

    private static Figure rename(Figure f, String name) {
        return new Figure(name, f.perSecond(), f.meanMs(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.requests(),
                f.failed(), f.value(), f.unit());
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> result = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return result;
    }

    private static boolean needsFeeds(Set<String> scenarios) {
        return scenarios.contains("lookup") || scenarios.contains("search") || scenarios.contains("desk-latency")
                || scenarios.contains("desk-storm");
    }

    private static boolean needsToken(Set<String> scenarios) {
        return scenarios.contains("lookup") || scenarios.contains("desk-latency") || scenarios.contains("desk-storm")
                || scenarios.contains("marc-import") || scenarios.contains("oneroster-import")
                || scenarios.contains("monthly-report") || scenarios.contains("renew-all")
                || scenarios.contains("reporting-ingestion");
    }

    /** The scale and the scenarios named, checked before anything runs. */
    private static void checkScenarios(Options options) {
        Scale.named(options.getOrDefault("scale", "small"));
        scenarios(options.getOrDefault("scenarios", "all"));
    }

    private static Set<String> scenarios(String list) {
        if (list.equals("all")) {
            return new LinkedHashSet<>(ALL);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : list.split(",")) {
            if (!ALL.contains(s.trim())) {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            }
            chosen.add(s.trim());
        }
        return chosen;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static Thread ticker(AtomicLong rows, long started) {
        Thread ticker = new Thread(() -> {
            long last = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = rows.get();
                say(String.format(Locale.ROOT, "  %,d rows (%,.0f rows/s now, %,.0f on average)", now,
                        (now - last) / 5.0, now / ((System.nanoTime() - started) / 1e9)));
                last = now;
            }
        });
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    /**
     * A scenario that failed is named in the report with why (a missed target, so the run's exit code is 1), its trace
     * goes to bench.log, and the next one runs.
     */
    static void failed(Report report, String scenario, Exception e, Path log) {
        say(scenario + " failed: " + e);
        report.failed(scenario, e.toString());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Files.writeString(log, "scenario " + scenario + " failed:\n" + trace, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the note in the report is what matters
        }
    }

    static void say(String message) {
        System.out.println("==> " + message);
    }
}
