package org.lrms.kit.jdbc;

import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

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
 * <p>A failure says {@code what} could not be done, with the driver's cause kept, as the exception Hibernate would
 * have thrown for the same statement, so the desk gets the same answer as on an entity's path: a lock the
 * statement could not have (deadlock, serialization, lock timeout) is a {@link PessimisticLockException} (503, try
 * again); a broken uniqueness or reference a {@link ConstraintViolationException} (409 naming the constraint);
 * anything else an {@link IllegalStateException} (a pool that had no connection in time answers 503).
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
            throw failure(what, "read", e);
        }
    }

    /** Runs an insert, update or delete; answers how many rows it changed. */
    public static int update(DataSource dataSource, String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bound(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, "written", e);
        }
    }

    /** The failure of a statement, as Hibernate would have translated the driver's SQLSTATE. */
    static RuntimeException failure(String what, String verb, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            // serialization_failure, deadlock_detected, lock_not_available
            case "40001", "40P01", "55P03" -> new PessimisticLockException(what + " could not be " + verb
                    + ": a row it needs is held by another transaction", e);
            // unique_violation, foreign_key_violation
            case "23505", "23503" -> new ConstraintViolationException(what + " could not be " + verb
                    + ": it conflicts with existing data", e, constraint(e));
            default -> new IllegalStateException(what + " could not be " + verb, e);
        };
    }

    private static String constraint(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return server == null ? null : server.getConstraint();
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
