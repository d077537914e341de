package org.lrms.reporting.circulation;

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
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.Roles;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.report.Downloads;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScopes;

/**
 * Circulation statistics: {@code ?site=} (none: the district), {@code from}/{@code to} (default: this school year),
 * {@code interval=month|week}, {@code top} (most borrowed titles, default 10, at most 100).
 */
@Path("/api/v1/reports/circulation")
public class CirculationResource {

    @Inject
    CirculationReports reports;

    @Inject
    ReportScopes scopes;

    @Inject
    ReportingClock clock;

    @Inject
    Downloads downloads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Response circulation(@QueryParam("site") String site, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("interval") String interval,
                                @QueryParam("top") String top, @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        var scope = scopes.resolve(site);
        var period = ReportPeriod.of(from, to, clock.today());
        var report = reports.report(scope, period, ReportInterval.of(interval), top(top));
        return downloads.respond(report, () -> CirculationTables.of(report), format, headers);
    }

    static int top(String top) {
        if (top == null || top.isBlank()) {
            return 10;
        }
        try {
            int n = Integer.parseInt(top.trim());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("top", "must be a whole number from 1 to 100");
    }
}
