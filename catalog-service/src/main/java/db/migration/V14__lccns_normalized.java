package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lrms.catalog.title.Lccn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Stored LCCNs in LC's normalized form ({@link Lccn}), so that a title entered as "2001-12345" matches an imported
 * 010 of "2001012345". Only values with something to normalize (a blank, a hyphen, a slash, a capital letter) are read;
 * those that change are written with one joined UPDATE.
 */
public class V14__lccns_normalized extends BaseJavaMigration {

    private static final int CHUNK = 10_000;

    @Override
    public void migrate(Context context) throws Exception {
        normalize(context.getConnection());
    }

    /** Answers how many titles changed. */
    static int normalize(Connection connection) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS lccn_now");
            ddl.execute("CREATE TEMPORARY TABLE lccn_now (id UUID PRIMARY KEY, lccn TEXT)");
        }
        try (Statement select = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO lccn_now SELECT * FROM unnest(?::uuid[], ?::text[])")) {
            select.setFetchSize(CHUNK);
            List<UUID> ids = new ArrayList<>();
            List<String> lccns = new ArrayList<>();
            try (ResultSet rows = select.executeQuery("SELECT id, lccn FROM title WHERE lccn ~ '[^a-z0-9]'")) {
                while (rows.next()) {
                    String lccn = Lccn.normalize(rows.getString(2));
                    if (!Objects.equals(lccn, rows.getString(2))) {
                        ids.add(rows.getObject(1, UUID.class));
                        lccns.add(lccn);
                        if (ids.size() == CHUNK) {
                            insert(connection, insert, ids, lccns);
                        }
                    }
                }
            }
            insert(connection, insert, ids, lccns);
        }
        try (Statement update = connection.createStatement()) {
            int changed = update.executeUpdate("UPDATE title t SET lccn = n.lccn FROM lccn_now n WHERE t.id = n.id");
            update.execute("DROP TABLE lccn_now");
            return changed;
        }
    }

    private static void insert(Connection connection, PreparedStatement insert, List<UUID> ids, List<String> lccns)
            throws Exception {
        if (ids.isEmpty()) {
            return;
        }
        insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
        insert.setArray(2, connection.createArrayOf("text", lccns.toArray()));
        insert.executeUpdate();
        ids.clear();
        lccns.clear();
    }
}
