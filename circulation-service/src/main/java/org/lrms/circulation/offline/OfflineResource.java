package org.lrms.circulation.offline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Upload of the transactions a desk recorded offline; answers what was applied and what conflicted. */
@Path("/api/v1/offline-batches")
@RolesAllowed({"site-staff", "district-admin"})
public class OfflineResource {

    @Inject
    OfflineCirculation offline;

    @POST
    public OfflineBatch.Report upload(@Valid @NotNull OfflineBatch batch) {
        return offline.apply(batch);
    }
}
