package org.lrms.bench.limits;

import org.lrms.bench.report.Figure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database limit: pgbench's TPC-B-like transaction on the same PostgreSQL server, with the same client count as
 * the desk storm, in a database of its own ({@code lrms_pgbench}) so no service's data is touched.
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path bin;
    private final int port;
    private final String user;
    private final String password;

    public PgBench(Path bin, int port, String user, String password) {
        this.bin = bin;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public Figure run(int clients, int seconds, int scale, Path log) throws IOException, InterruptedException {
        createDatabase();
        exec(log, "pgbench", "-i", "-q", "-s", String.valueOf(scale));
        String output = exec(log, "pgbench", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)),
                "-T", String.valueOf(seconds), "-M", "prepared");
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no TPS; see " + log);
        }
        double average = latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN;
        return Figure.throughput("pgbench TPC-B-like, " + clients + " clients", Double.parseDouble(tps.group(1)),
                average);
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", user,
                password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE lrms_pgbench");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create lrms_pgbench", e);
            }
        }
    }

    private String exec(Path log, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", user));
        command.addAll(List.of(args));
        command.add("lrms_pgbench");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        java.nio.file.Files.writeString(log, output, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(tool + " failed; see " + log);
        }
        return output;
    }
}
