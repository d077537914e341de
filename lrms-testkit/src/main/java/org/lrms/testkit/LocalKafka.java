package org.lrms.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode, forked from the broker jars that the {@code lrms-test-broker}
 * module resolved from Maven Central, on free ports; stopped when the JVM exits.
 */
final class LocalKafka {

    private final Process process;
    private final int port;

    private LocalKafka(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    static LocalKafka start() {
        String classpath = brokerClasspath();
        try {
            Path base = Files.createTempDirectory("lrms-test-kafka-");
            int[] ports = Processes.freePorts(2);
            int port = ports[0];
            int controllerPort = ports[1];
            Path config = base.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                    "log.dirs=" + base.resolve("logs"),
                    "num.partitions=1",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true",
                    ""));
            Path log4j = base.resolve("log4j2.properties");
            Files.writeString(log4j, String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.file.ref=file",
                    "appender.file.type=File",
                    "appender.file.name=file",
                    "appender.file.fileName=" + base.resolve("broker.log"),
                    "appender.file.layout.type=PatternLayout",
                    "appender.file.layout.pattern=%d %p %c - %m%n",
                    ""));
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> jvm = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Dlog4j2.configurationFile=" + log4j,
                    "-cp", classpath));
            Path output = base.resolve("broker.out");
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()));
            Processes.run(output, format.toArray(String[]::new));
            List<String> server = new ArrayList<>(jvm);
            server.addAll(List.of("kafka.Kafka", config.toString()));
            Process process = new ProcessBuilder(server).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            LocalKafka kafka = new LocalKafka(process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> kafka.stop(base), "lrms-test-kafka-stop"));
            Processes.awaitPort(port, Duration.ofSeconds(60), process, "Kafka broker (see " + output + ")");
            kafka.awaitReady(Duration.ofSeconds(60));
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = new IllegalStateException(e);
                }
                Processes.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout, last);
    }

    /** The classpath of the broker jars, written by the lrms-test-broker module at build time. */
    static String brokerClasspath() {
        try (InputStream in = LocalKafka.class.getResourceAsStream("/lrms-kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("lrms-kafka-broker.classpath missing: build the lrms-test-broker "
                        + "module first (./mvnw install -pl lrms-test-broker)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop(Path base) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        LocalPostgres.deleteTree(base);
    }
}
