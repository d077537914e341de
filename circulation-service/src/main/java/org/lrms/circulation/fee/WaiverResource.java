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

import java.util.Map;
import java.util.UUID;

/** Waivers: one fee, or every open fee of a grade at year end. */
@Path("/api/v1/fees")
@RolesAllowed({"site-staff", "district-admin"})
public class WaiverResource {

    @Inject
    FeeLedger ledger;

    /** A retry with the same {@code Idempotency-Key} answers the first answer again and waives nothing more. */
    @POST
    @Path("/{id}/waivers")
    public Response waive(@PathParam("id") UUID feeId, @Valid @NotNull FeeRequests.Waiver waiver,
                          @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        IdempotentRequests.Answer answer = ledger.waive(feeId, waiver, idempotencyKey);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    @POST
    @Path("/bulk-waivers")
    @RolesAllowed("district-admin")
    public Map<String, Integer> bulkWaive(@Valid @NotNull FeeRequests.BulkWaiver request) {
        return Map.of("waived", ledger.bulkWaive(request));
    }
}
