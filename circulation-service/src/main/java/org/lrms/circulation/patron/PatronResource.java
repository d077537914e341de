package org.lrms.circulation.patron;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/patrons")
@RolesAllowed({"site-staff", "district-admin"})
public class PatronResource {

    @Inject
    PatronService patrons;

    @POST
    public Response create(@Valid @NotNull PatronRequest request) {
        Patron patron = patrons.create(request);
        return Response.created(URI.create("/api/v1/patrons/" + patron.id)).entity(patrons.view(patron)).build();
    }

    @GET
    @Path("/{id}")
    public PatronView get(@PathParam("id") UUID id) {
        return patrons.view(patrons.get(id));
    }

    /** Patrons of the caller's sites, by barcode, home site, homeroom or the start of a name. */
    @GET
    public List<PatronView> search(@QueryParam("barcode") String barcode, @QueryParam("site") String site,
                                   @QueryParam("name") String name, @QueryParam("homeroom") String homeroom,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return patrons.views(patrons.search(barcode, site, name, homeroom, page, size));
    }

    @PUT
    @Path("/{id}")
    public PatronView update(@PathParam("id") UUID id, @Valid @NotNull PatronRequest request) {
        return patrons.view(patrons.update(id, request));
    }

    @PUT
    @Path("/{id}/block")
    public PatronView block(@PathParam("id") UUID id, @Valid @NotNull BlockRequest request) {
        return patrons.view(patrons.block(id, request.note()));
    }

    @DELETE
    @Path("/{id}/block")
    public PatronView unblock(@PathParam("id") UUID id) {
        return patrons.view(patrons.unblock(id));
    }
}
