package org.lrms.catalog.marc;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleService;
import org.lrms.kit.problem.ProblemException;
import org.marc4j.marc.Record;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Any title as MARC 21: {@code ?format=marcxml} (default) or {@code iso2709}, or by the Accept header. */
@Path("/api/v1/titles/{id}/marc")
public class MarcExportResource {

    @Inject
    TitleService titles;

    @GET
    @Produces({"application/marcxml+xml", "application/marc"})
    @RolesAllowed({"site-staff", "district-admin", "integration"})
    public Response export(@PathParam("id") UUID id, @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        MarcFiles.Format chosen = chosen(format, accept);
        Title title = titles.get(id);
        Record record = MarcMapper.toRecord(title);
        if (chosen == MarcFiles.Format.ISO2709) {
            record = Iso2709Fit.split(record);
            Iso2709Fit.tooLong(record).ifPresent(why -> {
                throw ProblemException.unprocessable("marc-too-long-for-iso2709", "title " + id
                        + " cannot be written as ISO 2709: " + why + "; export it as MARCXML (format=marcxml)")
                        .with("format", "iso2709");
            });
        }
        byte[] bytes = MarcFiles.write(List.of(record), chosen);
        String extension = chosen == MarcFiles.Format.MARCXML ? "xml" : "mrc";
        return Response.ok(bytes, chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + id + "." + extension + "\"").build();
    }

    private static MarcFiles.Format chosen(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "marcxml", "xml" -> MarcFiles.Format.MARCXML;
                case "iso2709", "marc", "mrc" -> MarcFiles.Format.ISO2709;
                default -> throw ProblemException.badRequest("format", "marcxml or iso2709");
            };
        }
        return accept != null && accept.contains("application/marc") && !accept.contains("marcxml")
                ? MarcFiles.Format.ISO2709 : MarcFiles.Format.MARCXML;
    }
}
