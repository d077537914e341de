package org.lrms.reporting.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lrms.kit.security.Roles;

/** District staff rebuild every projection from the topics (after a projection change, or to check the numbers). */
@Path("/api/v1/reports/rebuild")
public class RebuildResource {

    @Inject
    ProjectionRebuild rebuild;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
