package org.lrms.kit.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One plain JDBC statement on the datasource's connection: inside a transaction, the one the pool enlisted in it (the
 * connection Hibernate and the outbox use), so the statement commits or rolls back with everything else. For the
 * few hot statements where Hibernate's own work would cost more than the statement (the desk, the loan events).
 * A failure is an {@link IllegalStateException} saying {@code what} could not be done, with the driver's cause kept
 * (a pool that had no connection in time answers 503).
 */
public final class Statements {

    /** Reads the current row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Statements() {
    }

    /** The first row the query answers, read by {@code reader}; empty when it answers none. */
    public static <T> Optional<T> first(DataSource dataSource, String what, String sql, RowReader<T> reader,
                                        Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bound(connection, sql, parameters);
             ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be read", e);
        }
    }

    /** Runs an insert, update or delete; answers how many rows it changed. */
    public static int update(DataSource dataSource, String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bound(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " could not be written", e);
        }
    }

    private static PreparedStatement bound(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
