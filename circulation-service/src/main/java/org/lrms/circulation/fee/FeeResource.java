package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.circulation.loan.IdempotentRequests;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A patron's fees, and charges staff add by hand. */
@Path("/api/v1/patrons/{patronId}/fees")
@RolesAllowed({"site-staff", "district-admin"})
public class FeeResource {

    @Inject
    FeeLedger ledger;

    @GET
    public List<FeeView> fees(@PathParam("patronId") UUID patronId,
                              @QueryParam("open") @DefaultValue("false") boolean open) {
        List<Fee> fees = ledger.fees(patronId, open);
        Set<UUID> linked = ledger.loansStillThePatrons(patronId, fees);
        return fees.stream().map(f -> FeeView.of(f, f.loanId != null && linked.contains(f.loanId))).toList();
    }

    /** A retry with the same {@code Idempotency-Key} answers the first fee again and charges nothing more. */
    @POST
    public Response charge(@PathParam("patronId") UUID patronId, @Valid @NotNull FeeRequests.Charge request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        IdempotentRequests.Answer answer = ledger.charge(patronId, request, idempotencyKey);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
