package org.lrms.catalog.copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Copies of one title. POST takes one copy ({@code {"siteCode":"LHS","barcode":"..."}}, answered with the copy) or a
 * JSON array of them (answered with the list); a copy without a barcode gets the next one of its site's range.
 */
@Path("/api/v1/titles/{id}/copies")
public class TitleCopiesResource {

    static final int MAX_COPIES_AT_ONCE = 500;

    @Inject
    CopyService copies;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @RolesAllowed({"site-staff", "district-admin"})
    public Response add(@PathParam("id") UUID titleId, @NotNull JsonNode body) throws JsonProcessingException {
        if (body.isArray()) {
            if (body.isEmpty() || body.size() > MAX_COPIES_AT_ONCE) {
                throw ProblemException.badRequest(null, "give 1 to " + MAX_COPIES_AT_ONCE + " copies at once");
            }
            List<CopyRequest> requests = new ArrayList<>();
            Set<ConstraintViolation<CopyRequest>> violations = new HashSet<>();
            for (JsonNode node : body) {
                if (!node.isObject()) {
                    // a null (or a number...) is no copy: answered here, before the validator, which refuses null
                    throw ProblemException.badRequest("[" + requests.size() + "]", "a copy (JSON object), not "
                            + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                }
                CopyRequest request = json.treeToValue(node, CopyRequest.class);
                violations.addAll(validator.validate(request));
                requests.add(request);
            }
            requireValid(violations);
            List<CopyView> added = copies.add(titleId, requests).stream().map(CopyView::of).toList();
            return Response.status(Response.Status.CREATED).entity(added).build();
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest(null, "a copy (JSON object) or a list of copies");
        }
        CopyRequest request = json.treeToValue(body, CopyRequest.class);
        requireValid(validator.validate(request));
        Copy copy = copies.add(titleId, List.of(request)).get(0);
        return Response.created(URI.create("/api/v1/copies/" + copy.barcode)).entity(CopyView.of(copy)).build();
    }

    @GET
    @RolesAllowed({"site-staff", "district-admin", "integration"})
    public List<CopyView> list(@PathParam("id") UUID titleId) {
        return copies.ofTitle(titleId).stream().map(CopyView::of).toList();
    }

    private static void requireValid(Set<? extends ConstraintViolation<?>> violations) {
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
