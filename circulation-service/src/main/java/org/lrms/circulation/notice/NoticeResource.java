package org.lrms.circulation.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

@Path("/api/v1/notices")
@RolesAllowed({"site-staff", "district-admin"})
public class NoticeResource {

    @Inject
    Notices notices;

    @GET
    public List<NoticeView> list(@QueryParam("site") @NotBlank String site,
                                 @QueryParam("pending") @DefaultValue("false") boolean pending) {
        return notices.list(site, pending);
    }

    @POST
    @Path("/emails")
    public Map<String, Integer> email(@QueryParam("site") @NotBlank String site) {
        return Map.of("sent", notices.email(site));
    }

    @POST
    @Path("/print")
    @Produces("application/pdf")
    public Response print(@QueryParam("site") @NotBlank String site) {
        return Response.ok(notices.print(site), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"notices-" + site + ".pdf\"").build();
    }
}
