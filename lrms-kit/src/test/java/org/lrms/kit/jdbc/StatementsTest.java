package org.lrms.kit.jdbc;

import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemMappers;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A plain statement's failure reaches the desk as the same answer Hibernate's translation of it gave. */
class StatementsTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDeadlockASerializationFailureOrALockTimeoutIsABusyRecordTheDeskMayRetry() {
        for (String state : new String[] {"40P01", "40001", "55P03"}) {
            SQLException driver = new SQLException("deadlock detected", state);

            RuntimeException failure = Statements.failure("the desk's change", "written", driver);

            PessimisticLockException lock = assertInstanceOf(PessimisticLockException.class, failure, state);
            assertSame(driver, lock.getCause());
            Response response = mappers.pessimisticLock(lock, null);
            assertEquals(503, response.getStatus(), state);
            assertEquals("1", response.getHeaderString("Retry-After"));
            assertEquals("busy", ((Problem) response.getEntity()).code());
        }
    }

    @Test
    void aBrokenUniquenessOrReferenceIsAConflict() {
        for (String state : new String[] {"23505", "23503"}) {
            RuntimeException failure = Statements.failure("the desk's change", "written",
                    new SQLException("duplicate key value violates unique constraint", state));

            ConstraintViolationException conflict = assertInstanceOf(ConstraintViolationException.class, failure);
            Response response = mappers.constraint(conflict, null);
            assertEquals(409, response.getStatus(), state);
            assertEquals("conflict", ((Problem) response.getEntity()).code());
        }
    }

    @Test
    void anyOtherFailureStaysAnInternalError() {
        RuntimeException failure = Statements.failure("the desk's change", "read",
                new SQLException("syntax error at or near", "42601"));

        assertInstanceOf(IllegalStateException.class, failure);
        assertEquals("the desk's change could not be read", failure.getMessage());
        assertEquals(500, mappers.unexpected(failure, null).getStatus());
    }
}
