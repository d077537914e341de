package org.lrms.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} names each field or record at fault; {@code code} is a stable,
 * machine-readable reason (e.g. {@code patron-blocked}) that desks and other systems can switch on.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The service is past what it can take now (a 503 the caller retries; with the same Idempotency-Key a retry is
     * safe): {@code why} says what is full, e.g. "128 requests in progress".
     */
    public static Problem overloaded(String why, String instance) {
        return new Problem("about:blank", "Busy", 503, "the service is too busy to take the request now" + why
                + "; try again in a moment (a retry with the same Idempotency-Key is safe)", instance, "overloaded",
                null, null);
    }

    /** One field (or record, or row) at fault and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {
    }
}
