package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.UUID;

/** A patron's account: what is owed, and the ledger (charges, payments, waivers, refunds), newest first. */
@Path("/api/v1/patrons/{patronId}/account")
@RolesAllowed({"site-staff", "district-admin"})
public class AccountResource {

    @Inject
    FeeAccounts accounts;

    @GET
    public FeeAccounts.Account account(@PathParam("patronId") UUID patronId,
                                       @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                       @QueryParam("kind") @Pattern(regexp = "(?i)CHARGE|PAYMENT|WAIVER|REFUND",
                                               message = "must be CHARGE, PAYMENT, WAIVER or REFUND") String kind,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return accounts.account(patronId, from, to, kind, page, size);
    }
}
