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

    /** A uniqueness rule another request won, met at commit: Hibernate's exception under the rollback's. */
    @Test
    void aUniquenessRuleLostAtCommitIsAConflictNamingTheRuleNotAnInternalError() {
        Exception atCommit = new IllegalStateException("transaction rolled back",
                new org.hibernate.exception.ConstraintViolationException("could not execute batch",
                        new SQLException("duplicate key value violates unique constraint", "23505"),
                        "copy_barcode_key"));

        Response response = mappers.unexpected(atCommit, null);

        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("conflict", problem.code());
        assertEquals("conflicts with existing data (copy_barcode_key)", problem.detail());
    }

    @Test
    void aUniquenessRuleLostThroughPlainJdbcIsAConflictWithoutTheDriversMessage() {
        Exception jdbc = new IllegalStateException("the roster batch could not be written",
                new SQLException("Key (barcode)=(900123) already exists.", "23505"));

        Response response = mappers.unexpected(jdbc, null);

        assertEquals(409, response.getStatus());
        assertEquals("conflicts with existing data (a uniqueness rule)", ((Problem) response.getEntity()).detail());
    }

    @Test
    void otherIntegrityErrorsAreStillInternalErrors() {
        Exception missingValue = new IllegalStateException("insert failed",
                new SQLException("null value in column", "23502"));

        assertEquals(500, mappers.unexpected(missingValue, null).getStatus());
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

    /** A resource method as services declare them. */
    @SuppressWarnings("unused")
    void weedingLog(@jakarta.ws.rs.QueryParam("from") java.time.Instant from,
                    @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                    @jakarta.ws.rs.PathParam("id") java.util.UUID id, @jakarta.ws.rs.QueryParam("q") String q) {
    }

    @Test
    void aParameterThatDoesNotReadAsItsTypeIsNamedWithTheFormExpected() throws Exception {
        java.lang.reflect.Method method = getClass().getDeclaredMethod("weedingLog", java.time.Instant.class,
                int.class, java.util.UUID.class, String.class);
        var query = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        var path = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        query.add("q", "anything");
        query.add("page", "2");
        path.add("id", java.util.UUID.randomUUID().toString());
        query.add("from", "2026-01-01T00:00:00Z");
        assertEquals(java.util.Optional.empty(), ProblemMappers.unconvertibleParameter(method, query, path));

        query.putSingle("from", "2026-01-01");
        Problem.FieldError from = ProblemMappers.unconvertibleParameter(method, query, path).orElseThrow();
        assertEquals("from", from.field());
        assertEquals("'2026-01-01' is not an instant (ISO 8601 in UTC, e.g. 2026-01-31T00:00:00Z)", from.message());

        query.putSingle("from", "2026-01-01T00:00:00Z");
        query.putSingle("page", "abc");
        assertEquals("page", ProblemMappers.unconvertibleParameter(method, query, path).orElseThrow().field());
        query.putSingle("page", "1");
        path.putSingle("id", "not-a-uuid");
        assertEquals(new Problem.FieldError("id", "'not-a-uuid' is not a UUID"),
                ProblemMappers.unconvertibleParameter(method, query, path).orElseThrow());
    }
}
