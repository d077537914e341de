package org.lrms.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The suite as {@code deploy/local/run.sh} starts it, on free ports (never the default ones: the developer's own
 * stack may be up), with its state, logs and pid files in {@code target/e2e-stack}.
 */
final class LocalStack {

    static final List<String> SERVICES = List.of("catalog", "circulation", "textbook", "acquisitions", "reporting");
    private static final List<String> COMPONENTS = List.of("kafka", "keycloak", "mail", "catalog", "circulation",
            "textbook", "acquisitions", "reporting", "portal");

    private final Path project = Paths.get(System.getProperty("lrms.project.dir", "..")).toAbsolutePath().normalize();
    private final Path state = Paths.get(System.getProperty("lrms.e2e.state.dir", "target/e2e-stack")).toAbsolutePath();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    LocalStack() {
        List<String> names = List.of("LRMS_PG_PORT", "LRMS_KAFKA_PORT", "LRMS_KAFKA_CONTROLLER_PORT",
                "LRMS_KEYCLOAK_PORT", "LRMS_KEYCLOAK_MANAGEMENT_PORT", "PORTAL_PORT", "CATALOG_PORT",
                "CIRCULATION_PORT", "TEXTBOOK_PORT", "ACQUISITIONS_PORT", "REPORTING_PORT", "LRMS_MAIL_SMTP_PORT",
                "LRMS_MAIL_PORT");
        List<Integer> free = freePorts(names.size());
        for (int i = 0; i < names.size(); i++) {
            ports.put(names.get(i), free.get(i));
            env.put(names.get(i), String.valueOf(free.get(i)));
        }
        env.put("LRMS_STATE_DIR", state.toString());
        env.put("LRMS_SKIP_BUILD", "1");
        env.put("LRMS_SEED", "0");
        env.put("LRMS_START_TIMEOUT", "240");
        String zip = System.getProperty("lrms.keycloak.zip");
        if (zip != null && Files.isRegularFile(Paths.get(zip))) {
            env.put("LRMS_KEYCLOAK_ZIP", zip);
        }
        String greenMail = System.getProperty("lrms.greenmail.jar");
        if (greenMail != null && Files.isRegularFile(Paths.get(greenMail))) {
            env.put("LRMS_GREENMAIL_JAR", greenMail);
        }
    }

    /** The JDK 21+ Keycloak needs, as run.sh finds it. */
    Optional<String> keycloakJdk() {
        Result found = run(List.of("bash", project.resolve("deploy/local/keycloak-jdk.sh").toString()), 30);
        return found.exitCode() == 0 ? Optional.of(found.output().trim()) : Optional.empty();
    }

    /** Runs run.sh (which starts only what is not running) and returns its exit code and output. */
    Result up() {
        return run(List.of("bash", project.resolve("deploy/local/run.sh").toString()), 300);
    }

    Result down() {
        return run(List.of("bash", project.resolve("deploy/local/stop.sh").toString()), 180);
    }

    /** Stops what an earlier, interrupted run may have left, and starts from an empty state folder. */
    void clean() {
        if (Files.isDirectory(state)) {
            down();
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    int port(String name) {
        return ports.get(name);
    }

    String url(String service) {
        return "http://localhost:" + port(service.toUpperCase() + "_PORT");
    }

    /** The mail catcher's API (what circulation e-mailed, per recipient). */
    String mail() {
        return "http://localhost:" + port("LRMS_MAIL_PORT");
    }

    String realm() {
        return "http://localhost:" + port("LRMS_KEYCLOAK_PORT") + "/realms/district";
    }

    /** The stack's state folder: its data, pid files and logs. */
    Path state() {
        return state;
    }

    /** The pid run.sh recorded for a component, if its file is there. */
    Optional<Long> pid(String component) {
        Path file = state.resolve("pids").resolve(component + ".pid");
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The components whose recorded process is still alive. */
    List<String> alive() {
        List<String> alive = new ArrayList<>();
        for (String component : COMPONENTS) {
            pid(component).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(p -> alive.add(component));
        }
        if (Files.exists(state.resolve("postgres/data/postmaster.pid"))) {
            alive.add("postgres");
        }
        return alive;
    }

    Path log(String component) {
        return state.resolve("logs").resolve(component + ".log");
    }

    record Result(int exitCode, String output) {
    }

    private Result run(List<String> command, int timeoutSeconds) {
        try {
            Files.createDirectories(state);
            Path output = Files.createTempFile(state, "script-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, Files.readString(output, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            System.out.println(text);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Distinct free ports: all held open together, so none is handed out twice. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }
}
