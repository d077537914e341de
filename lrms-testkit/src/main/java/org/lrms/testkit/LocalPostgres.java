package org.lrms.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An ephemeral PostgreSQL cluster from the machine's binaries, on a free port, torn down when the JVM exits.
 * PostgreSQL refuses to run as root: as root, the cluster runs as the {@code postgres} user (override with
 * {@code LRMS_PG_USER}). Durability is switched off: the data is thrown away anyway.
 */
final class LocalPostgres implements TestPostgres {

    private final Path dataDir;
    private final Path bin;
    private final String osUser;
    private final int port;

    private LocalPostgres(Path dataDir, Path bin, String osUser, int port) {
        this.dataDir = dataDir;
        this.bin = bin;
        this.osUser = osUser;
        this.port = port;
    }

    static LocalPostgres start() {
        Path bin = findBinaries();
        String osUser = Processes.isRoot() ? System.getenv().getOrDefault("LRMS_PG_USER", "postgres") : null;
        try {
            Path base = Files.createTempDirectory("lrms-test-pg-");
            Path data = base.resolve("data");
            Path log = base.resolve("postgres.log");
            Files.createFile(log);
            if (osUser != null) {
                Processes.run(null, "chown", "-R", osUser, base.toString());
            }
            int port = Processes.freePort();
            Processes.run(log, asOsUser(osUser, bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
            String options = "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1"
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                    + " -c shared_buffers=64MB";
            Processes.run(log, asOsUser(osUser, bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-l", base.resolve("server.log").toString(), "-o", options, "-w", "-t", "60", "start"));
            LocalPostgres postgres = new LocalPostgres(data, bin, osUser, port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> postgres.stop(base), "lrms-test-pg-stop"));
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL data folder", e);
        }
    }

    private static String[] asOsUser(String osUser, String... command) {
        return osUser == null ? command : Processes.asUser(osUser, command);
    }

    /** LRMS_PG_BIN, else the newest /usr/lib/postgresql/N/bin, else the folder of pg_ctl on the PATH. */
    static Path findBinaries() {
        String configured = System.getenv("LRMS_PG_BIN");
        if (configured != null && Files.isExecutable(Paths.get(configured, "initdb"))) {
            return Paths.get(configured);
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> parseVersion(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException ignored) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Paths.get(dir, "initdb"))) {
                return Paths.get(dir);
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) not found: install them "
                + "(Debian: apt-get install postgresql) or set LRMS_PG_BIN to their folder");
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return USER;
    }

    private void stop(Path base) {
        try {
            Processes.run(null, asOsUser(osUser, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                    "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            // already gone
        }
        deleteTree(base);
    }

    static void deleteTree(Path base) {
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    static final String USER = "lrms";
}
