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

    /** One field (or record, or row) at fault and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {
    }
}
