package org.lrms.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A refused operation, mapped once to {@code application/problem+json}. Throw a subclass named for the refusal
 * (e.g. {@code CheckoutRefused}) or use the factories for the common cases.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String code;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> context = new LinkedHashMap<>();
    private OptionalInt retryAfterSeconds = OptionalInt.empty();

    public ProblemException(int status, String title, String code, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String title, String code, String detail) {
        this(status, title, code, detail, List.of());
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", "invalid-request",
                field == null ? message : field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(422, "Request cannot be carried out", code, detail);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not found", "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, "Conflict", code, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", "forbidden", detail);
    }

    /** The service cannot take the request yet (503); the caller may send it again after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(String code, String detail, int retryAfterSeconds) {
        ProblemException e = new ProblemException(503, "Service unavailable", code, detail);
        e.retryAfterSeconds = OptionalInt.of(retryAfterSeconds);
        return e;
    }

    /** Adds a value that helps the caller act (e.g. the blocking hold's pickup site); never personal data. */
    public ProblemException with(String key, Object value) {
        context.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The {@code Retry-After} of the answer, if the caller may retry. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", title, status, getMessage(), instance, code, errors,
                context.isEmpty() ? null : Map.copyOf(context));
    }
}
