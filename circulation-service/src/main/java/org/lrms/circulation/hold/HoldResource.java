package org.lrms.circulation.hold;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/holds")
@RolesAllowed({"site-staff", "district-admin"})
public class HoldResource {

    @Inject
    HoldService holds;

    @Inject
    PullLists pullLists;

    @POST
    public Response place(@Valid @NotNull HoldRequest request) {
        Hold hold = holds.place(request);
        return Response.created(URI.create("/api/v1/holds/" + hold.id)).entity(HoldView.of(hold)).build();
    }

    @GET
    @Path("/{id}")
    public HoldView get(@PathParam("id") UUID id) {
        return HoldView.of(holds.get(id));
    }

    /** A pickup site's holds by status: ON_SHELF is the hold shelf, IN_TRANSIT what is on its way. */
    @GET
    public List<HoldView> atSite(@QueryParam("site") @NotBlank String site,
                                 @QueryParam("status") @DefaultValue("ON_SHELF")
                                 @Pattern(regexp = "(?i)WAITING|IN_TRANSIT|ON_SHELF",
                                         message = "must be WAITING, IN_TRANSIT or ON_SHELF") String status) {
        return holds.atSite(site, status.toUpperCase(Locale.ROOT)).stream().map(HoldView::of).toList();
    }

    /**
     * The hold pull list of a site: copies on its shelves that waiting holds take, in shelf order, one line per
     * hold (JSON; {@code Accept: application/pdf} for the printable list).
     */
    @GET
    @Path("/pull-list")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PullLists.Line> pullList(@QueryParam("siteCode") String siteCode) {
        return pullLists.of(siteCode);
    }

    @GET
    @Path("/pull-list")
    @Produces("application/pdf")
    public Response pullListPdf(@QueryParam("siteCode") String siteCode) {
        List<PullLists.Line> lines = pullLists.of(siteCode);
        String site = siteCode.strip().toUpperCase(Locale.ROOT);
        return Response.ok(pullLists.pdf(site, lines), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"pull-list-" + site + ".pdf\"").build();
    }

    @DELETE
    @Path("/{id}")
    public HoldView cancel(@PathParam("id") UUID id) {
        return HoldView.of(holds.cancel(id));
    }
}
