package org.lrms.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The test resource every service's {@code @QuarkusTest}s use: a real PostgreSQL database and a real Kafka broker
 * on ports of their own. Use it with {@code @QuarkusTestResource(value = PostgresAndKafka.class,
 * restrictToAnnotatedClass = false)} on one class of the module; arg {@code database} names the database.
 */
public class PostgresAndKafka implements QuarkusTestResourceLifecycleManager {

    private String database = "lrms";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.createDatabase(database);
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka);
    }

    @Override
    public void stop() {
        // the servers live as long as the JVM: restarts between test profiles reuse them
    }
}
