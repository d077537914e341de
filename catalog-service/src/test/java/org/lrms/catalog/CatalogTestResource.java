package org.lrms.catalog;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.lrms.testkit.PostgresAndKafka;

import java.util.HashMap;
import java.util.Map;

/**
 * Real PostgreSQL and Kafka for every test of this module, and the same database for the reactive client the barcode
 * lookup reads through.
 */
@QuarkusTestResource(value = CatalogTestResource.class, restrictToAnnotatedClass = false)
public class CatalogTestResource implements QuarkusTestResourceLifecycleManager {

    private final PostgresAndKafka infrastructure = new PostgresAndKafka();

    @Override
    public Map<String, String> start() {
        infrastructure.init(Map.of("database", "catalog"));
        Map<String, String> config = new HashMap<>(infrastructure.start());
        config.put("quarkus.datasource.reactive.url",
                config.get("quarkus.datasource.jdbc.url").replaceFirst("^jdbc:", ""));
        return config;
    }

    @Override
    public void stop() {
        infrastructure.stop();
    }
}
