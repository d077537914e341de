package org.lrms.reporting.patron;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.security.Roles;
import org.lrms.reporting.report.Downloads;
import org.lrms.reporting.report.ReportScopes;

import java.time.Instant;

/**
 * Patron data reports, for library staff only (not integrations), scoped to the caller's sites. Patrons appear by
 * their pseudonymous key with homeroom and grade: what handing a list to a teacher needs, and no more.
 */
@Path("/api/v1/reports/patrons")
@RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF})
public class PatronReportResource {

    @Inject
    PatronReports reports;

    @Inject
    ReportScopes scopes;

    @Inject
    Downloads downloads;

    @GET
    @Path("/overdue")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    public Response overdue(@QueryParam("site") String site, @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        var report = reports.overdue(scopes.resolve(site), Instant.now());
        return downloads.respond(report, () -> PatronTables.overdue(report), format, headers);
    }

    @GET
    @Path("/with-fees")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    public Response withFees(@QueryParam("site") String site, @QueryParam("format") String format,
                             @Context HttpHeaders headers) {
        var report = reports.withFees(scopes.resolve(site), Instant.now());
        return downloads.respond(report, () -> PatronTables.withFees(report), format, headers);
    }

    /** Patrons with items out (e.g. at year end); {@code inactive=true}: only those who left. */
    @GET
    @Path("/items-out")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    public Response itemsOut(@QueryParam("site") String site, @QueryParam("inactive") boolean inactive,
                             @QueryParam("format") String format, @Context HttpHeaders headers) {
        var report = reports.itemsOut(scopes.resolve(site), Instant.now(), inactive);
        return downloads.respond(report, () -> PatronTables.itemsOut(report), format, headers);
    }
}
