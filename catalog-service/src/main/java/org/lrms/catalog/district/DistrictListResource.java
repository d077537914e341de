package org.lrms.catalog.district;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.lrms.kit.problem.ProblemException;

import java.util.List;

/** {@code /api/v1/district-lists/withdrawal-reasons|disposal-methods|copy-categories}. */
@Path("/api/v1/district-lists/{list}")
public class DistrictListResource {

    public record TermRequest(@NotBlank @Size(max = 200) String label, Boolean active) {
    }

    @Inject
    DistrictLists lists;

    @GET
    @RolesAllowed({"site-staff", "district-admin", "integration"})
    public List<DistrictLists.Term> list(@PathParam("list") String list) {
        return lists.list(kind(list));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("district-admin")
    public DistrictLists.Term put(@PathParam("list") String list, @PathParam("code") String code,
                                  @Valid @NotNull TermRequest request) {
        return lists.put(kind(list), code, request.label(), request.active() == null || request.active());
    }

    private static DistrictLists.Kind kind(String list) {
        return DistrictLists.Kind.ofPath(list).orElseThrow(() -> ProblemException.notFound("district list", list));
    }
}
