package org.lrms.reporting.textbook;

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
 * Textbooks: sufficiency now per site and course, and per site and textbook title the copies distributed, returned
 * and lost in the period, outstanding and lost now. {@code ?site=LHS,RMS} (none: the district, or the caller's own
 * sites), {@code from}/{@code to} (default: this school year).
 */
@Path("/api/v1/reports/textbooks")
public class TextbookResource {

    @Inject
    TextbookReports reports;

    @Inject
    ReportScopes scopes;

    @Inject
    ReportingClock clock;

    @Inject
    Downloads downloads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Response textbooks(@QueryParam("site") String site, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("format") String format,
                              @Context HttpHeaders headers) {
        var scope = scopes.resolve(site);
        var today = clock.today();
        var report = reports.report(scope, ReportPeriod.of(from, to, today), today);
        return downloads.respond(report, () -> TextbookTables.of(report), format, headers);
    }
}
