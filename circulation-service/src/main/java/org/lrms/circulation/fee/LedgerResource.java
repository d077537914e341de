package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;

/**
 * Payments and refunds of a period across patrons, per site with totals, for the district's finance (patrons by
 * id only).
 */
@Path("/api/v1/ledger")
@RolesAllowed({"integration", "district-admin"})
public class LedgerResource {

    @Inject
    FeeAccounts accounts;

    @GET
    public FeeAccounts.Reconciliation ledger(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                             @QueryParam("siteCode") String siteCode,
                                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("500") @Min(1) @Max(1000) int size) {
        return accounts.reconciliation(from, to, siteCode, page, size);
    }
}
