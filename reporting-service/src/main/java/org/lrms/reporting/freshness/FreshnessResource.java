package org.lrms.reporting.freshness;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lrms.kit.security.Roles;

@Path("/api/v1/reports/freshness")
public class FreshnessResource {

    @Inject
    FreshnessService freshness;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DISTRICT_ADMIN, Roles.SITE_STAFF, Roles.INTEGRATION})
    public Freshness get() {
        return freshness.all();
    }
}
