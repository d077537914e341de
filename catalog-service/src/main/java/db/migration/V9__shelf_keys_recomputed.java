package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lrms.catalog.copy.ShelfKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Shelf keys again, for the rows whose key is not what {@link ShelfKey} makes now: Library of Congress call numbers
 * written with a space after the class letters ({@code QA 76.73 .J38}) had the key of a prefix and a Dewey number, and
 * rows loaded without the service (SQL {@code COPY}) may have none. Each call number is read once with the keys it has,
 * only those that change are written to a temporary table, and one joined UPDATE per table sets them: a catalog of
 * millions of copies with correct keys costs one aggregate and no write.
 */
public class V9__shelf_keys_recomputed extends BaseJavaMigration {

    private static final int CHUNK = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        recompute(context.getConnection(), "copy");
        recompute(context.getConnection(), "inventory_result");
    }

    /** Sets every stale shelf key of {@code table}; answers how many rows changed. */
    static int recompute(Connection connection, String table) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS shelf_key_now");
            ddl.execute("CREATE TEMPORARY TABLE shelf_key_now (call_number TEXT PRIMARY KEY, shelf_key TEXT COLLATE \"C\")");
        }
        try (Statement select = streaming(connection);
             ResultSet rows = select.executeQuery("SELECT call_number, shelf_key FROM " + table
                     + " WHERE call_number IS NOT NULL GROUP BY call_number, shelf_key");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO shelf_key_now "
                     + "SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (call_number) DO NOTHING")) {
            List<String> callNumbers = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                String callNumber = rows.getString(1);
                String key = ShelfKey.of(callNumber);
                if (!Objects.equals(key, rows.getString(2))) {
                    callNumbers.add(callNumber);
                    keys.add(key);
                    if (callNumbers.size() == CHUNK) {
                        insert(connection, insert, callNumbers, keys);
                    }
                }
            }
            insert(connection, insert, callNumbers, keys);
        }
        try (Statement update = connection.createStatement()) {
            int changed = update.executeUpdate("UPDATE " + table + " t SET shelf_key = k.shelf_key FROM shelf_key_now k"
                    + " WHERE t.call_number = k.call_number AND t.shelf_key IS DISTINCT FROM k.shelf_key");
            update.execute("DROP TABLE shelf_key_now");
            return changed;
        }
    }

    /** Inside the migration's transaction the driver reads the rows a chunk at a time instead of all at once. */
    private static Statement streaming(Connection connection) throws Exception {
        Statement statement = connection.createStatement();
        statement.setFetchSize(CHUNK);
        return statement;
    }

    private static void insert(Connection connection, PreparedStatement insert, List<String> callNumbers,
                               List<String> keys) throws Exception {
        if (callNumbers.isEmpty()) {
            return;
        }
        insert.setArray(1, connection.createArrayOf("text", callNumbers.toArray()));
        insert.setArray(2, connection.createArrayOf("text", keys.toArray()));
        insert.executeUpdate();
        callNumbers.clear();
        keys.clear();
    }
}
