package org.lrms.catalog.title;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/titles")
public class TitleResource {

    @Inject
    TitleService titles;

    @POST
    @RolesAllowed({"site-staff", "district-admin"})
    public Response create(@Valid @NotNull TitleRequest request, @Context UriInfo uri) {
        Title title = titles.create(request);
        return Response.created(URI.create("/api/v1/titles/" + title.id)).entity(TitleView.of(title)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"site-staff", "district-admin", "teacher", "student", "integration"})
    public TitleView get(@PathParam("id") UUID id) {
        return TitleView.of(titles.get(id));
    }
}
