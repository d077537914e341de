package org.lrms.circulation;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lrms.kit.problem.ProblemMappers;

/**
 * A body value of the wrong form (e.g. {@code "fixedDueDate":"2027-13-45"}) is a {@link MismatchedInputException},
 * which Quarkus REST Jackson maps itself to plain JSON, ahead of the kit's mapper for its supertype. This answers it
 * as the kit would: problem+json naming the field.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
