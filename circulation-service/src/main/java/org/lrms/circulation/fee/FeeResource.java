package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
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
        return ledger.fees(patronId, open).stream().map(FeeView::of).toList();
    }

    @POST
    public Response charge(@PathParam("patronId") UUID patronId, @Valid @NotNull FeeRequests.Charge request) {
        return Response.status(201).entity(FeeView.of(ledger.charge(patronId, request))).build();
    }
}
