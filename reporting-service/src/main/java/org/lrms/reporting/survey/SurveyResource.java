package org.lrms.reporting.survey;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.Roles;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.collection.DeweyClass;
import org.lrms.reporting.report.Downloads;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScopes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * California's annual school library survey (Education Code 18122): {@code GET ?site=LHS&year=2026&sections=500,600}
 * answers the data items (exportable as CSV, XLSX, PDF); {@code PUT /{site}/{year}} enters the site's hours and
 * staffing.
 */
@Path("/api/v1/reports/survey")
public class SurveyResource {

    private static final List<String> DEFAULT_SECTIONS = List.of("500", "600", "900");

    @Inject
    SurveyService survey;

    @Inject
    ReportScopes scopes;

    @Inject
    ReportingClock clock;

    @Inject
    Downloads downloads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Response report(@QueryParam("site") String site, @QueryParam("year") String year,
                           @QueryParam("sections") String sections, @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        var scope = scopes.resolve(site);
        var report = survey.report(scope, year(year), sections(sections));
        return downloads.respond(report, () -> SurveyTables.of(report), format, headers);
    }

    @PUT
    @Path("/{site}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF})
    public SiteEntry enter(@PathParam("site") String site, @PathParam("year") String year,
                           @Valid @NotNull SiteEntry entry) {
        return survey.enter(site, year(year), entry);
    }

    private int year(String year) {
        if (year == null || year.isBlank()) {
            return ReportPeriod.schoolYear(clock.today()).from().getYear();
        }
        try {
            return Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("year", "the year the school year starts, e.g. 2026 for 2026-27");
        }
    }

    static List<String> sections(String sections) {
        if (sections == null || sections.isBlank()) {
            return DEFAULT_SECTIONS;
        }
        List<String> classes = new ArrayList<>();
        for (String part : sections.split(",")) {
            String s = part.trim().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("\\d{3}|[A-Z]{1,12}") || classes.size() >= 20) {
                throw ProblemException.badRequest("sections", "Dewey hundreds (e.g. 500) or prefixes, at most 20");
            }
            String deweyClass = DeweyClass.of(s);
            if (!classes.contains(deweyClass)) {
                classes.add(deweyClass);
            }
        }
        return classes;
    }
}
