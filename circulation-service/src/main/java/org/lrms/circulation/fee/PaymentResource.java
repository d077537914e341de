package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Payments to a patron's account (partial allowed, never above what is owed); answers a receipt. */
@Path("/api/v1/patrons/{patronId}/payments")
@RolesAllowed({"site-staff", "district-admin"})
public class PaymentResource {

    @Inject
    FeeLedger ledger;

    @POST
    public Response pay(@PathParam("patronId") UUID patronId, @Valid @NotNull FeeRequests.Payment payment) {
        return Response.status(201).entity(ledger.pay(patronId, payment)).build();
    }
}
