package org.lrms.circulation.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/sites/{code}/closed-days")
@RolesAllowed({"site-staff", "district-admin"})
public class CalendarResource {

    @Inject
    SiteCalendar calendar;

    @GET
    public List<SiteCalendar.ClosedDay> list(@PathParam("code") String code, @QueryParam("from") String from,
                                             @QueryParam("to") String to) {
        LocalDate start = from == null ? LocalDate.now() : SiteCalendar.parse("from", from);
        LocalDate end = to == null ? start.plusYears(1) : SiteCalendar.parse("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        return calendar.list(code, start, end);
    }

    @PUT
    @Path("/{day}")
    public Response close(@PathParam("code") String code, @PathParam("day") String day,
                          @QueryParam("reason") @Size(max = 200) String reason) {
        calendar.close(code, SiteCalendar.parse("day", day), reason);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{day}")
    public Response open(@PathParam("code") String code, @PathParam("day") String day) {
        calendar.open(code, SiteCalendar.parse("day", day));
        return Response.noContent().build();
    }
}
