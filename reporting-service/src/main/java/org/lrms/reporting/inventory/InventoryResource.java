package org.lrms.reporting.inventory;

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
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.report.Downloads;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScopes;

/**
 * Finished inventories: {@code ?site=LHS,RMS} (none: the district), {@code from}/{@code to} (the day they
 * finished; default: this school year).
 */
@Path("/api/v1/reports/inventories")
public class InventoryResource {

    @Inject
    InventoryReports reports;

    @Inject
    ReportScopes scopes;

    @Inject
    ReportingClock clock;

    @Inject
    Downloads downloads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Response inventories(@QueryParam("site") String site, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        var scope = scopes.resolve(site);
        var report = reports.report(scope, ReportPeriod.of(from, to, clock.today()));
        return downloads.respond(report, () -> InventoryTables.of(report, clock.zone()), format, headers);
    }
}
