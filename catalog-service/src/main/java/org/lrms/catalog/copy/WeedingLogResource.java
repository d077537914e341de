package org.lrms.catalog.copy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.util.List;

/** Withdrawn copies for weeding reports, of the caller's sites. */
@Path("/api/v1/weeding-log")
public class WeedingLogResource {

    @Inject
    CopyService copies;

    @GET
    @RolesAllowed({"site-staff", "district-admin", "integration"})
    public List<WeedingLogView> list(@QueryParam("siteCode") String siteCode, @QueryParam("from") Instant from,
                                     @QueryParam("to") Instant to) {
        return copies.weedingLog(siteCode, from, to).stream().map(WeedingLogView::of).toList();
    }
}
