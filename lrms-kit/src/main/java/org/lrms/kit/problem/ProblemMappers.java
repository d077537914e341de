package org.lrms.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every error leaves a service as {@code application/problem+json}: never a stack trace, never a 500 for bad input.
 * Unexpected failures are logged with an error id (exception types and frames only: messages may hold personal data)
 * and answered with that id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = answer(e.toProblem(path(uri)));
        e.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri), "invalid-request",
                errors, null));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        String message;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format) {
            message = "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + mismatched.getTargetType().getSimpleName();
        } else {
            message = "malformed JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr());
        }
        String detail = field == null ? message : field + ": " + message;
        return respond(new Problem("about:blank", "Malformed request body", 400, detail, path(uri),
                "malformed-body", List.of(new Problem.FieldError(field, message)), null));
    }

    /**
     * A body value of the wrong form (e.g. a date "2027-13-45") is a {@link MismatchedInputException}, which Quarkus
     * REST Jackson would otherwise answer itself, as plain JSON, ahead of the mapper for its supertype.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403,
                "your role does not allow this operation", path(uri), "forbidden", null, null));
    }

    @ServerExceptionMapper(priority = 1)
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Conflict", 409,
                "the record was changed by someone else meanwhile; reload and try again", path(uri),
                "concurrent-change", null, null));
    }

    @ServerExceptionMapper(priority = 1)
    public Response lockTimeout(LockTimeoutException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response pessimisticLock(PessimisticLockException e, UriInfo uri) {
        return busy(uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return conflict(e.getConstraintName(), uri);
    }

    private Response conflict(String constraintName, UriInfo uri) {
        String constraint = constraintName == null ? "a uniqueness rule" : constraintName;
        return respond(new Problem("about:blank", "Conflict", 409,
                "conflicts with existing data (" + constraint + ")", path(uri), "conflict", null, null));
    }

    /**
     * A uniqueness (or exclusion) rule another request won while this one ran: at commit it comes wrapped (a
     * rollback of the transaction, an ArC or Narayana exception), and from plain JDBC as an SQLException with
     * SQLState 23505 or 23P01. Answers the rule (the constraint's name when Hibernate gave one, never the driver's
     * message, which quotes the values); other integrity errors (a missing value, a broken reference) are the
     * service's fault and stay internal errors.
     */
    static Optional<String> lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && isRace(violation.getSQLState())) {
                return Optional.of(violation.getConstraintName() == null ? "a uniqueness rule"
                        : violation.getConstraintName());
            }
            if (t instanceof SQLException sql && isRace(sql.getSQLState())) {
                return Optional.of("a uniqueness rule");
            }
        }
        return Optional.empty();
    }

    private static boolean isRace(String sqlState) {
        return "23505".equals(sqlState) || "23P01".equals(sqlState);
    }

    /**
     * A query or path parameter that cannot be converted to its type (JAX-RS answers a 404 for those, Quarkus REST's
     * "no resource at"): a 400 naming the parameter and the form expected. Any other 404 stays one.
     */
    @ServerExceptionMapper(priority = 5)
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && uri != null) {
            Optional<Problem.FieldError> bad = unconvertibleParameter(method, uri.getQueryParameters(),
                    uri.getPathParameters());
            if (bad.isPresent()) {
                Problem.FieldError error = bad.get();
                return respond(new Problem("about:blank", "Invalid request", 400, error.field() + ": "
                        + error.message(), path(uri), "invalid-request", List.of(error), null));
            }
        }
        return web(e, uri);
    }

    /** The first query or path parameter of the method whose value does not read as its type, and the form expected. */
    static Optional<Problem.FieldError> unconvertibleParameter(Method method, MultivaluedMap<String, String> query,
                                                               MultivaluedMap<String, String> path) {
        Parameter[] parameters = method.getParameters();
        for (Parameter parameter : parameters) {
            String name = null;
            List<String> values = null;
            QueryParam q = parameter.getAnnotation(QueryParam.class);
            PathParam p = parameter.getAnnotation(PathParam.class);
            if (q != null) {
                name = q.value();
                values = query == null ? null : query.get(name);
            } else if (p != null) {
                name = p.value();
                values = path == null ? null : path.get(name);
            }
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Optional<String> expected = expectedForm(parameter.getType(), value);
                if (expected.isPresent()) {
                    return Optional.of(new Problem.FieldError(name, "'" + value + "' is not " + expected.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** What a value of the type looks like, when {@code value} is not one; nothing when it reads (or is not checked). */
    private static Optional<String> expectedForm(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                Long.parseLong(value.strip());
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class
                    || type == BigDecimal.class) {
                new BigDecimal(value.strip());
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(value)) {
                        return Optional.empty();
                    }
                }
                return Optional.of("one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
            return Optional.empty();
        } catch (RuntimeException notOfTheType) {
            return Optional.of(type == Instant.class ? "an instant (ISO 8601 in UTC, e.g. 2026-01-31T00:00:00Z)"
                    : type == LocalDate.class ? "a date (ISO 8601, e.g. 2026-01-31)"
                    : type == UUID.class ? "a UUID"
                    : type == BigDecimal.class || type == double.class || type == Double.class
                            || type == float.class || type == Float.class ? "a number"
                    : "a whole number");
        }
    }

    @ServerExceptionMapper(priority = 10)
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "method not allowed on " + path(uri);
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "unsupported media type for " + path(uri);
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        if (status == 401) {
            return unauthenticated(uri);
        }
        return respond(new Problem("about:blank", title, status, detail, path(uri),
                title.toLowerCase().replace(' ', '-'), null, null));
    }

    @ServerExceptionMapper(priority = 100)
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ProblemException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (root instanceof ConstraintViolationException violations) {
            return validation(violations, uri);
        }
        Optional<String> race = lostARace(e);
        if (race.isPresent()) {
            return conflict(race.get(), uri);
        }
        if (waitedTooLongForTheDatabase(e)) {
            LOG.warnf("no database connection came in time on %s: answered 503", path(uri));
            return overloaded(uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("unexpected error %s on %s: %s", errorId, path(uri), describe(e));
        return respond(new Problem("about:blank", "Internal error", 500,
                "the service could not complete the request; quote error id " + errorId + " to support",
                path(uri), "internal-error", null, Map.of("errorId", errorId)));
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401,
                        "a valid bearer token is required", path(uri), "unauthenticated", null, null))
                .build();
    }

    private Response busy(UriInfo uri) {
        return Response.status(503).header("Retry-After", "1").type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Busy", 503,
                        "the record is being changed at another desk; try again", path(uri), "busy", null, null))
                .build();
    }

    /**
     * The connection pool had no connection free in time (the service is past what it can take): the desk gets a
     * 503 it can retry, not an internal error.
     */
    private Response overloaded(UriInfo uri) {
        return Response.status(503).header("Retry-After", "2").type(Problem.MEDIA_TYPE)
                .entity(Problem.overloaded("", path(uri)))
                .build();
    }

    /**
     * Agroal's words when every connection of a full pool stayed in use for the whole acquisition timeout: a bare
     * SQLException, no cause and no SQLState (a timeout while opening a new connection comes with a TimeoutException).
     */
    private static final String POOL_STAYED_FULL = "Sorry, acquisition timeout!";

    /**
     * Agroal waited for a free connection past its timeout: an SQLException caused by a TimeoutException, or its bare
     * one when the pool stayed full.
     */
    static boolean waitedTooLongForTheDatabase(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException && (t.getCause() instanceof java.util.concurrent.TimeoutException
                    || POOL_STAYED_FULL.equals(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    static Response respond(Problem problem) {
        return answer(problem).build();
    }

    private static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static final java.util.regex.Pattern CONTAINER_ELEMENT = java.util.regex.Pattern.compile("\\.<[a-z ]+>");

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "authors[0].<list element>" -> "authors[0]": a container element is named by its index already
        String path = CONTAINER_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceAll("");
        // "create.request.title" -> "title": drop the method and parameter names
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    /** Types and frames of the cause chain, without messages (they may quote personal data). */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 5) {
            out.append(depth == 1 ? "" : " <- caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                out.append("\n    at ").append(frames[i]);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return out.toString();
    }
}
