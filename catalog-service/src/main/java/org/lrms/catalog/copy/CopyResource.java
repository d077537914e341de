package org.lrms.catalog.copy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.lrms.kit.problem.ProblemException;

import java.util.List;

/** One copy by its barcode. Staff of the copy's site (or district staff) only. */
@Path("/api/v1/copies")
public class CopyResource {

    public record SendRequest(@NotBlank String toSiteCode) {
    }

    @Inject
    CopyService copies;

    @GET
    @Path("/{barcode}")
    @RolesAllowed({"site-staff", "district-admin", "integration"})
    public Uni<CopyView> get(@PathParam("barcode") String barcode) {
        return copies.get(barcode);
    }

    @PATCH
    @Path("/{barcode}")
    @RolesAllowed({"site-staff", "district-admin"})
    public CopyView change(@PathParam("barcode") String barcode, @Valid @NotNull CopyChange change) {
        return CopyView.of(copies.change(barcode, change));
    }

    @POST
    @Path("/{barcode}/send")
    @RolesAllowed({"site-staff", "district-admin"})
    public CopyView send(@PathParam("barcode") String barcode, @Valid @NotNull SendRequest request) {
        return CopyView.of(copies.send(barcode, request.toSiteCode()));
    }

    @POST
    @Path("/{barcode}/receive")
    @RolesAllowed({"site-staff", "district-admin"})
    public CopyView receive(@PathParam("barcode") String barcode) {
        return CopyView.of(copies.receive(barcode));
    }

    @POST
    @Path("/{barcode}/withdraw")
    @RolesAllowed({"site-staff", "district-admin"})
    public WeedingLogView withdraw(@PathParam("barcode") String barcode, @Valid @NotNull WithdrawRequest request) {
        return WeedingLogView.of(copies.withdraw(List.of(barcode), request).get(0));
    }

    /** A batch withdrawal (e.g. a weeding project): all listed copies, or none when one cannot be withdrawn. */
    @POST
    @Path("/withdrawals")
    @RolesAllowed({"site-staff", "district-admin"})
    public List<WeedingLogView> withdrawMany(@Valid @NotNull WithdrawRequest request) {
        if (request.barcodes() == null || request.barcodes().isEmpty()) {
            throw ProblemException.badRequest("barcodes", "list the copies to withdraw");
        }
        return copies.withdraw(request.barcodes(), request).stream().map(WeedingLogView::of).toList();
    }
}
