package org.lrms.circulation.fee;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.circulation.CirculationConfig;

import java.time.Instant;

/** A receipt printed again (payment, waiver, refund): JSON, or {@code Accept: application/pdf} to print. */
@Path("/api/v1/receipts/{receiptNo}")
@RolesAllowed({"site-staff", "district-admin"})
public class ReceiptResource {

    @Inject
    FeeAccounts accounts;

    @Inject
    CirculationConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FeeAccounts.Receipt receipt(@PathParam("receiptNo") String receiptNo) {
        return accounts.receipt(receiptNo).receipt();
    }

    @GET
    @Produces("application/pdf")
    public Response receiptPdf(@PathParam("receiptNo") String receiptNo) {
        FeeAccounts.Printable printable = accounts.receipt(receiptNo);
        return Response.ok(ReceiptPdf.render(printable, config.timeZone(), Instant.now()), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + printable.receipt().receiptNo() + ".pdf\"")
                .build();
    }
}
