package org.lrms.catalog.label;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/v1/labels}: a printable PDF of label sheets. */
@Path("/api/v1/labels")
public class LabelResource {

    @Inject
    LabelService labels;

    @POST
    @Produces("application/pdf")
    @RolesAllowed({"site-staff", "district-admin"})
    public Response print(@Valid @NotNull LabelRequest request) {
        return Response.ok(labels.labels(request), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"labels.pdf\"").build();
    }
}
