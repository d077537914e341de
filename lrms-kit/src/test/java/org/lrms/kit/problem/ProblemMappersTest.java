package org.lrms.kit.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void noFreeDatabaseConnectionInTimeIsA503TheDeskMayRetry() {
        Exception e = new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()));

        Response response = mappers.unexpected(e, null);

        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("overloaded", ((Problem) response.getEntity()).code());
    }

    /** As the catalog logged it under a search load past its pool (Agroal's wait ran out; Hibernate wrapped it). */
    @Test
    void aPoolThatStayedFullIsA503TooNotAnInternalError() {
        Exception e = new GenericJDBCException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                new SQLException("Sorry, acquisition timeout!"));

        Response response = mappers.unexpected(e, null);

        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("overloaded", ((Problem) response.getEntity()).code());
    }

    @Test
    void anUnavailableServiceSaysWhenToRetry() {
        Response response = mappers.problem(ProblemException.unavailable("sign-on-unavailable", "not yet", 2), null);

        assertEquals(503, response.getStatus());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("sign-on-unavailable", ((Problem) response.getEntity()).code());
    }

    @Test
    void anyOtherFailureIsStillAnInternalErrorWithAnId() {
        Response response = mappers.unexpected(new GenericJDBCException("broken", new SQLException("no")), null);

        assertEquals(500, response.getStatus());
        assertEquals("internal-error", ((Problem) response.getEntity()).code());
    }

    record Shelf(java.util.List<@jakarta.validation.constraints.NotBlank String> labels) {
    }

    @Test
    void aNullInAListIsNamedByItsIndex() {
        jakarta.validation.Validator validator = jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        var violations = validator.validate(new Shelf(java.util.Arrays.asList("fine", null)));

        Response response = mappers.validation(new jakarta.validation.ConstraintViolationException(violations), null);

        assertEquals(400, response.getStatus());
        assertEquals("labels[1]", ((Problem) response.getEntity()).errors().get(0).field());
    }
}
