package org.lrms.catalog.site;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

@Path("/api/v1/sites")
public class SiteResource {

    public record SiteView(String code, String name, String siteType, boolean active) {
    }

    @Inject
    Sites sites;

    @GET
    @RolesAllowed({"site-staff", "district-admin", "teacher", "student", "integration"})
    public List<SiteView> list() {
        return sites.all().stream().map(s -> new SiteView(s.code, s.name, s.siteType, s.active)).toList();
    }
}
