package org.lrms.circulation.policy.store;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.lrms.circulation.site.SiteService;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/policies")
@RolesAllowed({"site-staff", "district-admin"})
public class PolicyResource {

    @Inject
    PolicyService policies;

    @GET
    public List<PolicyView> list() {
        return policies.list().stream().map(PolicyView::of).toList();
    }

    /** The rule that applies to a loan of this kind at this site. */
    @GET
    @Path("/resolve")
    public PolicyView resolve(@QueryParam("site") @NotBlank String site,
                              @QueryParam("patronType") @NotBlank String patronType,
                              @QueryParam("circulationType") String circulationType) {
        return PolicyView.of(policies.resolve(SiteService.normalize(site), patronType.toUpperCase(Locale.ROOT),
                circulationType == null ? null : circulationType.toUpperCase(Locale.ROOT)));
    }

    @POST
    public Response create(@Valid @NotNull PolicyRequest request) {
        PolicyView view = PolicyView.of(policies.create(request));
        return Response.created(URI.create("/api/v1/policies/" + view.id())).entity(view).build();
    }

    @PUT
    @Path("/{id}")
    public PolicyView update(@PathParam("id") UUID id, @Valid @NotNull PolicyRequest request) {
        return PolicyView.of(policies.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        policies.delete(id);
        return Response.noContent().build();
    }
}
