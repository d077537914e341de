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

/** Waivers: one fee, or at year end every open fee of a grade or of the graduating class. */
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

    /**
     * Year-end waiver of the open fees of a grade or of the graduating class, at one site, several, or all;
     * {@code "dryRun": true} answers what would be waived and changes nothing. A retry with the same
     * {@code Idempotency-Key} answers the first answer again and waives nothing more.
     */
    @POST
    @Path("/bulk-waivers")
    @RolesAllowed("district-admin")
    public Response bulkWaive(@Valid @NotNull FeeRequests.BulkWaiver request,
                              @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        if (request.isDryRun()) {
            return Response.ok(ledger.bulkWaiverPreview(request), MediaType.APPLICATION_JSON).build();
        }
        IdempotentRequests.Answer answer = ledger.bulkWaive(request, idempotencyKey);
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
