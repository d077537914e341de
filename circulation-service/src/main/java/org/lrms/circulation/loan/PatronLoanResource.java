package org.lrms.circulation.loan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.lrms.circulation.copy.Copy;

import java.util.List;
import java.util.UUID;

/** A patron's open loans, and renewing them all at once. */
@Path("/api/v1/patrons/{patronId}/loans")
@RolesAllowed({"site-staff", "district-admin"})
public class PatronLoanResource {

    @Inject
    CheckoutService checkouts;

    @GET
    public List<LoanView> openLoans(@PathParam("patronId") UUID patronId) {
        return checkouts.openLoans(patronId).stream().map(l -> LoanView.of(l, Copy.findById(l.copyId))).toList();
    }

    /** Renews every open loan of the patron that can be; the answer lists each loan's outcome. */
    @POST
    @Path("/renewals")
    public List<CheckoutService.RenewalResult> renewAll(@PathParam("patronId") UUID patronId) {
        return checkouts.renewAll(patronId);
    }
}
