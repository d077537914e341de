package org.lrms.catalog.copy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** District staff give each site a range of barcodes for copies added without one. */
@Path("/api/v1/sites/{siteCode}/barcode-range")
public class BarcodeRangeResource {

    public record RangeRequest(@NotNull @Size(max = 12) String prefix, @NotNull @Min(0) Long firstNumber,
                               @NotNull @Min(0) Long lastNumber, @NotNull @Min(1) @Max(18) Integer digits) {
    }

    public record RangeView(String siteCode, String prefix, long nextNumber, long lastNumber, int digits) {
    }

    @Inject
    CopyService copies;

    @PUT
    @RolesAllowed("district-admin")
    public RangeView put(@PathParam("siteCode") String siteCode, @Valid @NotNull RangeRequest request) {
        BarcodeRange r = copies.setRange(siteCode, request.prefix(), request.firstNumber(), request.lastNumber(),
                request.digits());
        return new RangeView(r.siteCode, r.prefix, r.nextNumber, r.lastNumber, r.digits);
    }
}
