package org.lrms.circulation.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Desk permissions (override a refusal, waive a fee): district admins list, grant and revoke them. */
@Path("/api/v1/staff-permissions")
@RolesAllowed("district-admin")
public class StaffPermissionResource {

    @Inject
    StaffPermissions permissions;

    @GET
    public List<StaffPermissions.StaffPermissionView> list(@QueryParam("username") String username,
                                                           @QueryParam("siteCode") String siteCode) {
        return permissions.list(username, siteCode);
    }

    /** 201 with the grant; 200 with the existing grant when it is held already (nothing changes). */
    @POST
    public Response grant(@Valid @NotNull StaffPermissionRequest request) {
        StaffPermissions.Granted granted = permissions.grant(request);
        return Response.status(granted.created() ? 201 : 200).entity(granted.permission()).build();
    }

    @DELETE
    @Path("/{username}/{siteCode}/{permission}")
    public Response revoke(@PathParam("username") String username, @PathParam("siteCode") String siteCode,
                           @PathParam("permission") String permission) {
        permissions.revoke(username, siteCode, permission);
        return Response.noContent().build();
    }

    /** Who granted or revoked what, when: newest first. */
    @GET
    @Path("/changes")
    public List<StaffPermissions.StaffPermissionChange> changes() {
        return permissions.changes();
    }
}
