package org.lrms.catalog.copy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.lrms.catalog.http.Paging;

import java.time.Instant;
import java.util.List;

/** Withdrawn copies for weeding reports, of the caller's sites. */
@Path("/api/v1/weeding-log")
@RolesAllowed({"site-staff", "district-admin", "integration"})
public class WeedingLogResource {

    static final int MAX_SIZE = 1000;
    static final int MAX_PAGE = 100_000;

    @Inject
    WeedingLog log;

    /** The entries, newest first, a page at a time. */
    @GET
    public List<WeedingLogView> list(@QueryParam("siteCode") String siteCode, @QueryParam("from") Instant from,
                                     @QueryParam("to") Instant to, @QueryParam("reason") String reason,
                                     @QueryParam("disposalMethod") String disposalMethod,
                                     @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("200") int size) {
        Paging paging = Paging.of(page, size, MAX_PAGE, MAX_SIZE);
        return log.entries(new WeedingLog.Filter(siteCode, from, to, reason, disposalMethod), paging.page(),
                        paging.size()).stream()
                .map(WeedingLogView::of).toList();
    }

    /** What the same entries add up to: copies and price, per reason, per disposal method, per site and overall. */
    @GET
    @Path("/totals")
    public WeedingTotals totals(@QueryParam("siteCode") String siteCode, @QueryParam("from") Instant from,
                                @QueryParam("to") Instant to, @QueryParam("reason") String reason,
                                @QueryParam("disposalMethod") String disposalMethod) {
        return log.totals(new WeedingLog.Filter(siteCode, from, to, reason, disposalMethod));
    }
}
