package org.lrms.circulation.loan;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.circulation.copy.Copy;

import java.util.UUID;

/** The circulation desk: check-out, check-in, renewals. */
@Path("/api/v1")
@RolesAllowed({"site-staff", "district-admin"})
public class LoanResource {

    @Inject
    CheckoutService checkouts;

    @Inject
    ObjectMapper json;

    /** A retry with the same {@code Idempotency-Key} answers the first response again and lends nothing more. */
    @POST
    @Path("/checkouts")
    public Response checkOut(@Valid @NotNull CheckoutRequest request,
                             @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        CheckoutService.Outcome outcome = checkouts.checkOut(request, idempotencyKey);
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.body()).build();
    }

    @POST
    @Path("/checkins")
    public CheckinView checkIn(@Valid @NotNull CheckinRequest request) {
        return checkouts.checkIn(request);
    }

    @GET
    @Path("/loans/{id}")
    public LoanView get(@PathParam("id") UUID id) {
        Loan loan = checkouts.get(id);
        return LoanView.of(loan, Copy.findById(loan.copyId));
    }

    @POST
    @Path("/loans/{id}/renewal")
    @Consumes(MediaType.WILDCARD)
    public LoanView renew(@PathParam("id") UUID id, String body) {
        // the body is optional (a plain renewal has none), so it is read here rather than by a JSON reader
        return checkouts.renew(id, RenewalRequest.read(json, body).overrideReason());
    }
}
