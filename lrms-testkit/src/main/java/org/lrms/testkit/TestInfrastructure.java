package org.lrms.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on first use: in containers where a Docker engine
 * answers, otherwise from local binaries and the broker jars. Never the local stack's 5432 or 9092.
 */
public final class TestInfrastructure {

    private static TestPostgres postgres;
    private static String kafka;

    private TestInfrastructure() {
    }

    public static synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = dockerAvailable() ? containerPostgres() : LocalPostgres.start();
        }
        return postgres;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = dockerAvailable() ? containerKafka() : LocalKafka.start().bootstrapServers();
        }
        return kafka;
    }

    private static boolean dockerAvailable() {
        if (Boolean.getBoolean("lrms.test.no-docker") || System.getenv("LRMS_TEST_NO_DOCKER") != null) {
            return false;
        }
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!engineConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static TestPostgres containerPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")
                .withUsername(LocalPostgres.USER).withPassword(LocalPostgres.USER);
        container.start();
        return new TestPostgres() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/"
                        + database;
            }

            @Override
            public String username() {
                return LocalPostgres.USER;
            }

            @Override
            public String password() {
                return LocalPostgres.USER;
            }
        };
    }

    private static String containerKafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return container.getBootstrapServers();
    }
}
