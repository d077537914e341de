package org.lrms.circulation.copy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.lrms.kit.problem.ProblemException;

/** Looks a copy up in the local replica by its barcode (any staff: copies are not personal data). */
@Path("/api/v1/copies")
@RolesAllowed({"site-staff", "district-admin"})
public class CopyResource {

    @GET
    @Path("/{barcode}")
    public CopyView get(@PathParam("barcode") String barcode) {
        Copy copy = Copy.findByBarcode(barcode.strip());
        if (copy == null) {
            throw ProblemException.notFound("item", barcode);
        }
        return CopyView.of(copy);
    }
}
