package org.lrms.catalog.marc;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code POST /api/v1/imports/marc}: ISO 2709 ({@code application/marc}) or MARCXML ({@code application/marcxml+xml});
 * {@code ?mode=strict|relaxed} matching; {@code ?siteCode=} for holdings. Answers the summary once the file is read;
 * with {@code Prefer: respond-async}, 202 at once with the job's {@code Location}, whose progress
 * {@code GET /api/v1/imports/marc/{id}} shows.
 */
@Path("/api/v1/imports/marc")
public class MarcImportResource {

    @Inject
    MarcImportService imports;

    @Inject
    SiteScope scope;

    @POST
    @Consumes({"application/marc", "application/marcxml+xml", "application/xml", "text/xml",
            "application/octet-stream"})
    @RolesAllowed({"site-staff", "district-admin"})
    public Response importMarc(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                               @HeaderParam("Prefer") String prefer,
                               @QueryParam("mode") @DefaultValue("strict") String mode,
                               @QueryParam("siteCode") String siteCode, @Context UriInfo uri) {
        MatchMode matchMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "strict" -> MatchMode.STRICT;
            case "relaxed" -> MatchMode.RELAXED;
            default -> throw ProblemException.badRequest("mode", "strict or relaxed");
        };
        if (respondAsync(prefer)) {
            MarcImport started = imports.runAsync(body, format(contentType), matchMode, siteCode);
            return Response.accepted(MarcImportView.of(started))
                    .location(uri.getBaseUriBuilder().path("api/v1/imports/marc").path(started.id.toString()).build())
                    .header("Preference-Applied", "respond-async").build();
        }
        MarcImport done = imports.run(body, format(contentType), matchMode, siteCode);
        MarcImportView summary = MarcImportView.of(done);
        if (done.recordsRead == 0) {
            throw ProblemException.unprocessable("marc-rejected", "file: no MARC record found in it")
                    .with("importId", done.id);
        }
        if (done.created + done.matched == 0) {
            MarcImport.Rejection first = done.rejections.get(0);
            throw ProblemException.unprocessable("marc-rejected", "no record could be imported; record "
                            + first.recordNumber() + ": " + first.reason())
                    .with("importId", done.id).with("rejections", done.rejections);
        }
        return Response.ok(summary).build();
    }

    /** RFC 7240: {@code Prefer: respond-async} (among other preferences, in any case). */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            if (token.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    @GET
    @RolesAllowed({"site-staff", "district-admin"})
    public List<MarcImportView> recent() {
        List<MarcImport> jobs = scope.isDistrictWide()
                ? MarcImport.find("order by startedAt desc").page(0, 50).list()
                : MarcImport.find("startedBy = ?1 order by startedAt desc", scope.userName()).page(0, 50).list();
        return jobs.stream().map(MarcImportView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"site-staff", "district-admin"})
    public MarcImportView get(@PathParam("id") UUID id) {
        MarcImport job = MarcImport.findById(id);
        if (job == null || !(scope.isDistrictWide() || job.startedBy.equals(scope.userName()))) {
            throw ProblemException.notFound("import", id.toString());
        }
        return MarcImportView.of(job);
    }

    private static MarcFiles.Format format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/marc") && !type.startsWith("application/marcxml")) {
            return MarcFiles.Format.ISO2709;
        }
        if (type.contains("xml")) {
            return MarcFiles.Format.MARCXML;
        }
        return null;
    }
}
