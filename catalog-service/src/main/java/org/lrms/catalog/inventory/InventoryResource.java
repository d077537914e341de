package org.lrms.catalog.inventory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.lrms.catalog.http.Paging;
import org.lrms.kit.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Inventories of a site's copies; staff of the site only. */
@Path("/api/v1/inventories")
@RolesAllowed({"site-staff", "district-admin"})
public class InventoryResource {

    static final int MAX_REPORT_SIZE = 5000;
    static final int MAX_REPORT_PAGE = 100_000;
    static final int MAX_LIST_SIZE = 1000;
    static final int MAX_LIST_PAGE = 100_000;
    /** The header answering how many inventories the site has in all, whatever the page. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    InventoryService inventories;

    @POST
    public Response start(@Valid @NotNull InventoryRequests.Start request) {
        Inventory inventory = inventories.start(request);
        return Response.created(URI.create("/api/v1/inventories/" + inventory.id))
                .entity(InventoryViews.InventoryView.of(inventory, 0)).build();
    }

    /** The site's inventories, newest first, a page at a time; how many there are in {@code X-Total-Count}. */
    @GET
    public Response ofSite(@QueryParam("siteCode") String siteCode,
                           @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("100") int size) {
        if (siteCode == null || siteCode.isBlank()) {
            throw ProblemException.badRequest("siteCode", "required");
        }
        Paging paging = Paging.of(page, size, MAX_LIST_PAGE, MAX_LIST_SIZE);
        InventoryService.SitePage found = inventories.ofSite(siteCode, paging);
        List<InventoryViews.InventoryView> views = found.inventories().stream()
                .map(i -> InventoryViews.InventoryView.of(i, inventories.scannedSoFar(i))).toList();
        return Response.ok(views).header(TOTAL_COUNT, found.total()).build();
    }

    /** What an inventory of the site can be limited to: its copies' shelf locations and circulation types. */
    @GET
    @Path("/scopes")
    public InventoryViews.Scopes scopes(@QueryParam("siteCode") String siteCode) {
        if (siteCode == null || siteCode.isBlank()) {
            throw ProblemException.badRequest("siteCode", "required");
        }
        return inventories.scopes(siteCode);
    }

    @GET
    @Path("/{id}")
    public InventoryViews.InventoryView get(@PathParam("id") UUID id) {
        Inventory inventory = inventories.get(id);
        return InventoryViews.InventoryView.of(inventory, inventories.scannedSoFar(inventory));
    }

    @POST
    @Path("/{id}/scans")
    public InventoryViews.ScanReceipt scan(@PathParam("id") UUID id, @Valid @NotNull InventoryRequests.Scans scans) {
        return inventories.scan(id, scans.barcodes());
    }

    @POST
    @Path("/{id}/finish")
    public InventoryViews.InventoryView finish(@PathParam("id") UUID id) {
        Inventory inventory = inventories.finish(id);
        return InventoryViews.InventoryView.of(inventory, inventory.scanned);
    }

    /** Stops an open inventory without a result: nothing becomes missing. */
    @POST
    @Path("/{id}/cancel")
    public InventoryViews.InventoryView cancel(@PathParam("id") UUID id) {
        Inventory inventory = inventories.cancel(id);
        return InventoryViews.InventoryView.of(inventory, inventory.scanned);
    }

    /**
     * {@code ?kind=missing|found|misplaced|not-checked|scanned-on-loan|unknown}, or all of them, a page at a time;
     * with counts per shelf location.
     */
    @GET
    @Path("/{id}/report")
    public InventoryViews.Report report(@PathParam("id") UUID id, @QueryParam("kind") String kind,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("1000") int size) {
        Paging paging = Paging.of(page, size, MAX_REPORT_PAGE, MAX_REPORT_SIZE);
        return inventories.report(id, kind, paging.page(), paging.size());
    }
}
