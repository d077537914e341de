package org.lrms.portal.services;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the web UI needs to know: where to sign in, which services exist and whether they are ready. */
@Path("/portal")
@Produces(MediaType.APPLICATION_JSON)
public class PortalResource {

    @Inject
    ServiceDirectory directory;

    @GET
    @Path("/config")
    public PortalView config() {
        return directory.portal();
    }

    @GET
    @Path("/services")
    public List<ServiceStatus> services() {
        return directory.statuses();
    }
}
