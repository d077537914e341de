package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.circulation.loan.IdempotentRequests;

import java.util.UUID;

/** Payments to a patron's account (partial allowed, never above what is owed); answers a receipt. */
@Path("/api/v1/patrons/{patronId}/payments")
@RolesAllowed({"site-staff", "district-admin"})
public class PaymentResource {

    @Inject
    FeeLedger ledger;

    /** A retry with the same {@code Idempotency-Key} answers the first receipt again and books nothing more. */
    @POST
    public Response pay(@PathParam("patronId") UUID patronId, @Valid @NotNull FeeRequests.Payment payment,
                        @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        IdempotentRequests.Answer answer = ledger.pay(patronId, payment, idempotencyKey);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
