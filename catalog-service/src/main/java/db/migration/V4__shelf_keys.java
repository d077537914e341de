package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lrms.catalog.copy.ShelfKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Shelf-order keys of call numbers ({@link ShelfKey}): a column on copies and on inventory results, compared byte by
 * byte (collation "C"), indexed per site, and filled for the rows that exist. A Java migration because the key is
 * computed by the same code that keeps it afterwards.
 */
public class V4__shelf_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE copy ADD COLUMN shelf_key TEXT COLLATE \"C\"");
            ddl.execute("ALTER TABLE inventory_result ADD COLUMN shelf_key TEXT COLLATE \"C\"");
        }
        backfill(connection, "copy");
        backfill(connection, "inventory_result");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE INDEX copy_shelf_idx ON copy (site_code, shelf_key)");
        }
    }

    /** Every distinct call number once: one UPDATE per call number, not per copy. */
    static void backfill(Connection connection, String table) throws Exception {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT DISTINCT call_number FROM " + table
                     + " WHERE call_number IS NOT NULL");
             PreparedStatement update = connection.prepareStatement("UPDATE " + table
                     + " SET shelf_key = ? WHERE call_number = ?")) {
            int pending = 0;
            while (rows.next()) {
                String callNumber = rows.getString(1);
                update.setString(1, ShelfKey.of(callNumber));
                update.setString(2, callNumber);
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
