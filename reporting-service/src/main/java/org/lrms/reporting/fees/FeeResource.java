package org.lrms.reporting.fees;

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
import org.lrms.reporting.report.ReportDocument;
import org.lrms.reporting.report.ReportDocument.Table;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScopes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fines and fees: assessed, paid, waived, refunded in the period; outstanding now (by the fee's site); paid and
 * refunded by the desk that took or handed back the money ({@code site=} names the desks for that part).
 */
@Path("/api/v1/reports/fees")
public class FeeResource {

    private static final List<String> COLUMNS = List.of("Assessed", "Fees assessed", "Paid", "Waived",
            "Refunded", "Outstanding", "Open fees");
    private static final List<String> DESK_COLUMNS = List.of("Payments", "Paid", "Refunds", "Refunded", "Net");
    private static final List<String> METHOD_COLUMNS = List.of("Method", "Payments", "Paid");
    private static final String UNKNOWN_METHOD = "Unknown";

    @Inject
    FeeReports reports;

    @Inject
    ReportScopes scopes;

    @Inject
    ReportingClock clock;

    @Inject
    Downloads downloads;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, Downloads.PDF})
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Response fees(@QueryParam("site") String site, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("format") String format,
                         @Context HttpHeaders headers) {
        var scope = scopes.resolve(site);
        var report = reports.report(scope, ReportPeriod.of(from, to, clock.today()));
        return downloads.respond(report, () -> document(report), format, headers);
    }

    static ReportDocument document(FeeReport r) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Totals", COLUMNS, List.of(amounts(r.totals()))));
        tables.add(breakdown("By fee kind", "Kind", r.byKind()));
        tables.add(breakdown("By site", "Site", r.bySite()));
        tables.add(new Table("Desk totals", DESK_COLUMNS, List.of(deskAmounts(r.deskTotals()))));
        tables.add(new Table("Desk totals by payment method", METHOD_COLUMNS, methods(List.of(),
                r.deskTotals().byMethod())));
        List<String> deskColumns = new ArrayList<>(List.of("Desk"));
        deskColumns.addAll(DESK_COLUMNS);
        List<String> feeSiteColumns = new ArrayList<>(List.of("Desk", "Fee site"));
        feeSiteColumns.addAll(DESK_COLUMNS);
        List<String> deskMethodColumns = new ArrayList<>(List.of("Desk"));
        deskMethodColumns.addAll(METHOD_COLUMNS);
        List<List<Object>> desks = new ArrayList<>();
        List<List<Object>> deskMethods = new ArrayList<>();
        List<List<Object>> feeSites = new ArrayList<>();
        for (FeeReport.Desk d : r.byDesk()) {
            List<Object> row = new ArrayList<>(List.of(d.desk()));
            row.addAll(deskAmounts(d.amounts()));
            desks.add(row);
            deskMethods.addAll(methods(List.of(d.desk()), d.amounts().byMethod()));
            for (FeeReport.FeeSite f : d.byFeeSite()) {
                List<Object> line = new ArrayList<>(List.of(d.desk(), f.site()));
                line.addAll(deskAmounts(f.amounts()));
                feeSites.add(line);
            }
        }
        tables.add(new Table("By desk", deskColumns, desks));
        tables.add(new Table("By desk and payment method", deskMethodColumns, deskMethods));
        tables.add(new Table("By desk and fee site", feeSiteColumns, feeSites));
        return new ReportDocument("Fines and fees", "fees-" + r.scope().replace(',', '-'),
                List.of("Scope: " + r.scope(), "From " + r.from() + " to " + r.to()
                                + " (outstanding: as of now)",
                        "By fee kind and by site: the fee's site. By desk: the money taken and handed back at the"
                                + " scope's desks (the fee's site when no desk was recorded), whatever the fee's site",
                        unknownMethod(r.deskTotals()),
                        "Data as of " + r.freshness().asOf()), tables);
    }

    /** How much of the desks' money has no known method (taken before reporting kept it), said in so many words. */
    private static String unknownMethod(FeeReport.DeskAmounts totals) {
        FeeReport.PaymentMethod unknown = totals.byMethod().stream().filter(m -> m.method() == null).findFirst()
                .orElse(null);
        String rule = "By payment method: as the desk recorded it (Unknown: none recorded, or taken before reporting"
                + " kept the method); refunds have no method";
        return unknown == null ? rule
                : rule + ". Of unknown method: " + unknown.payments() + " payments, " + unknown.paid() + " paid";
    }

    /** One row per method: the leading cells, then the method ("Unknown" for none), payments and paid. */
    private static List<List<Object>> methods(List<Object> leading, List<FeeReport.PaymentMethod> byMethod) {
        List<List<Object>> rows = new ArrayList<>();
        for (FeeReport.PaymentMethod m : byMethod) {
            List<Object> row = new ArrayList<>(leading);
            row.addAll(Arrays.asList(m.method() == null ? UNKNOWN_METHOD : m.method(), m.payments(), m.paid()));
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> deskAmounts(FeeReport.DeskAmounts a) {
        return Arrays.asList(a.payments(), a.paid(), a.refunds(), a.refunded(), a.net());
    }

    private static Table breakdown(String caption, String first, List<FeeReport.Breakdown> rows) {
        List<String> columns = new ArrayList<>();
        columns.add(first);
        columns.addAll(COLUMNS);
        List<List<Object>> out = new ArrayList<>();
        for (FeeReport.Breakdown b : rows) {
            List<Object> row = new ArrayList<>();
            row.add(b.key());
            row.addAll(amounts(b.amounts()));
            out.add(row);
        }
        return new Table(caption, columns, out);
    }

    private static List<Object> amounts(FeeReport.Amounts a) {
        return Arrays.asList(a.assessed(), a.assessedFees(), a.paid(), a.waived(), a.refunded(), a.outstanding(),
                a.openFees());
    }
}
