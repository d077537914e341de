package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.Map;
import java.util.UUID;

/** Waivers: one fee, or every open fee of a grade at year end. */
@Path("/api/v1/fees")
@RolesAllowed({"site-staff", "district-admin"})
public class WaiverResource {

    @Inject
    FeeLedger ledger;

    @POST
    @Path("/{id}/waivers")
    public FeeView waive(@PathParam("id") UUID feeId, @Valid @NotNull FeeRequests.Waiver waiver) {
        return FeeView.of(ledger.waive(feeId, waiver));
    }

    @POST
    @Path("/bulk-waivers")
    @RolesAllowed("district-admin")
    public Map<String, Integer> bulkWaive(@Valid @NotNull FeeRequests.BulkWaiver request) {
        return Map.of("waived", ledger.bulkWaive(request));
    }
}
