package org.lrms.reporting.fees;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration V13 on a database that has desk money already: in a schema of its own, the migrations up to V12, a desk's
 * days, then V13. What was there stays as it was, of unknown method; later unknown payments of the same day add to it.
 */
@QuarkusTest
class PaymentMethodMigrationTest {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "reporting.time-zone")
    String timeZone;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void deskDaysFromBeforeV13BecomeOfUnknownMethod() throws Exception {
        String schema = "v13_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try {
            flyway(schema, "12").migrate();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + schema + ".fee_desk_day (desk_site, day, fee_site, action, events,"
                        + " amount) VALUES ('LHS', DATE '2026-10-15', 'LHS', 'PAID', 3, 21.50),"
                        + " ('LHS', DATE '2026-10-15', 'RMS', 'PAID', 1, 4.00),"
                        + " ('LHS', DATE '2026-10-15', 'LHS', 'REFUNDED', 1, 12.00)");
            }

            flyway(schema, "13").migrate();

            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT fee_site, action, method, events, amount FROM " + schema
                        + ".fee_desk_day ORDER BY fee_site, action")) {
                    assertTrue(r.next());
                    assertEquals("LHS", r.getString(1));
                    assertEquals("PAID", r.getString(2));
                    assertNull(r.getString(3));
                    assertEquals(3, r.getLong(4));
                    assertEquals(0, new BigDecimal("21.50").compareTo(r.getBigDecimal(5)));
                    assertTrue(r.next());
                    assertEquals("REFUNDED", r.getString(2));
                    assertNull(r.getString(3));
                    assertTrue(r.next());
                    assertEquals("RMS", r.getString(1));
                    assertNull(r.getString(3));
                    assertEquals(1, r.getLong(4));
                    assertFalse(r.next());
                }
                // as the projection writes: an unknown payment of that day adds to the row, a cash one is its own
                for (String method : new String[] {"NULL", "NULL", "'CASH'"}) {
                    s.executeUpdate("INSERT INTO " + schema + ".fee_desk_day (desk_site, day, fee_site, action,"
                            + " method, events, amount) VALUES ('LHS', DATE '2026-10-15', 'LHS', 'PAID', " + method
                            + ", 1, 2.00) ON CONFLICT (desk_site, day, fee_site, action, method) DO UPDATE SET"
                            + " events = fee_desk_day.events + 1, amount = fee_desk_day.amount + EXCLUDED.amount");
                }
                try (ResultSet r = s.executeQuery("SELECT method, events, amount FROM " + schema + ".fee_desk_day"
                        + " WHERE fee_site = 'LHS' AND action = 'PAID' ORDER BY method NULLS LAST")) {
                    assertTrue(r.next());
                    assertEquals("CASH", r.getString(1));
                    assertEquals(1, r.getLong(2));
                    assertTrue(r.next());
                    assertNull(r.getString(1));
                    assertEquals(5, r.getLong(2));
                    assertEquals(0, new BigDecimal("25.50").compareTo(r.getBigDecimal(3)));
                    assertFalse(r.next());
                }
            }
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** Flyway on connections of its own, so that its search path never reaches the service's pool. */
    private Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(url, username, password)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/kit")
                .placeholders(Map.of("timeZone", timeZone))
                .target(target)
                .load();
    }
}
