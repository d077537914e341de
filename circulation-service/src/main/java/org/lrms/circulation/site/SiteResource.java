package org.lrms.circulation.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

@Path("/api/v1/sites")
public class SiteResource {

    @Inject
    SiteService sites;

    @GET
    @RolesAllowed({"district-admin", "site-staff", "teacher", "student", "integration"})
    public List<SiteView> list() {
        return sites.list().stream().map(SiteView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"district-admin", "site-staff", "teacher", "student", "integration"})
    public SiteView get(@PathParam("code") String code) {
        return SiteView.of(sites.get(code));
    }

    @POST
    @RolesAllowed("district-admin")
    public Response create(@Valid @NotNull SiteRequest request) {
        Site site = sites.create(request);
        return Response.created(URI.create("/api/v1/sites/" + site.code)).entity(SiteView.of(site)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("district-admin")
    public SiteView update(@PathParam("code") String code, @Valid @NotNull SiteRequest request) {
        return SiteView.of(sites.update(code, request));
    }
}
