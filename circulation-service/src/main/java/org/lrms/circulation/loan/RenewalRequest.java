package org.lrms.circulation.loan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lrms.kit.problem.ProblemException;

/** An optional body of a renewal: {@code overrideReason} renews anyway an item another patron waits for. */
public record RenewalRequest(String overrideReason) {

    static final RenewalRequest NONE = new RenewalRequest(null);

    /** No body is a plain renewal; a reason, when given, has 3 to 500 characters. */
    static RenewalRequest read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        RenewalRequest request;
        try {
            request = json.readValue(body, RenewalRequest.class);
        } catch (Exception e) {
            throw ProblemException.badRequest("body", "must be a JSON object like {\"overrideReason\":\"...\"}");
        }
        if (request == null) {
            return NONE;
        }
        String reason = request.overrideReason() == null ? null : request.overrideReason().strip();
        if (reason != null && (reason.length() < 3 || reason.length() > 500)) {
            throw ProblemException.badRequest("overrideReason", "size must be between 3 and 500");
        }
        return new RenewalRequest(reason);
    }
}
