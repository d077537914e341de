package org.lrms.catalog.title;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Titles are shared district-wide: district staff change and delete any; site staff change those held at their sites
 * only (or by no site), see {@link TitleService}, and delete none.
 */
@Path("/api/v1/titles")
public class TitleResource {

    @Inject
    TitleService titles;

    /** {@code allowDuplicate=true}: create it even when its ISBN or LCCN already belongs to a title. */
    @POST
    @RolesAllowed({"site-staff", "district-admin"})
    public Response create(@QueryParam("allowDuplicate") @DefaultValue("false") boolean allowDuplicate,
                           @Valid @NotNull TitleRequest request) {
        Title title = titles.create(request, allowDuplicate);
        return Response.created(URI.create("/api/v1/titles/" + title.id)).entity(TitleView.of(title)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"site-staff", "district-admin", "teacher", "student", "integration"})
    public Response get(@PathParam("id") UUID id) {
        Title title = titles.get(id);
        return Response.ok(TitleView.of(title)).header(HttpHeaders.ETAG, IfMatch.etag(title.version)).build();
    }

    /** Looks titles up by ISBN (either form); keyword search is {@code /api/v1/search}. */
    @GET
    @RolesAllowed({"site-staff", "district-admin", "teacher", "integration"})
    public List<TitleView> byIsbn(@QueryParam("isbn") String isbn) {
        if (isbn == null || isbn.isBlank()) {
            throw ProblemException.badRequest("isbn", "required; use /api/v1/search for keywords");
        }
        return titles.findByIsbn(isbn).stream().map(TitleView::of).toList();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({"site-staff", "district-admin"})
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @QueryParam("allowDuplicate") @DefaultValue("false") boolean allowDuplicate,
                           @Valid @NotNull TitleRequest request) {
        Title title = titles.update(id, request, IfMatch.parse(ifMatch), allowDuplicate);
        return Response.ok(TitleView.of(title)).header(HttpHeaders.ETAG, IfMatch.etag(title.version)).build();
    }

    /** District staff only: a title deleted is gone for every school, even one about to add a copy of it. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed("district-admin")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        titles.delete(id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }
}
