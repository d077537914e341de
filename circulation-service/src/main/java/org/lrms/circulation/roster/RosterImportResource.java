package org.lrms.circulation.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.lrms.kit.jdbc.Columns.instant;

/** Roster sync from the SIS: a OneRoster 1.1 CSV export as a zip body or a multipart upload ({@code file}). */
@Path("/api/v1/imports")
@RolesAllowed({"district-admin", "integration"})
public class RosterImportResource {

    @Inject
    OneRosterImport imports;

    @Inject
    SiteScope scope;

    @Inject
    EntityManager em;

    @POST
    @Path("/oneroster")
    @Consumes("application/zip")
    public Response importZip(byte[] zip) {
        return started(imports.start(zip, scope.userName()));
    }

    @POST
    @Path("/oneroster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importUpload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest("file", "attach the OneRoster zip as the form field 'file'");
        }
        try {
            return started(imports.start(Files.readAllBytes(file.uploadedFile()), scope.userName()));
        } catch (IOException e) {
            throw ProblemException.badRequest("file", "the upload could not be read");
        }
    }

    /** Progress while it runs; counts and the failed rows when it is done. */
    @GET
    @Path("/{id}")
    public RosterImportView get(@PathParam("id") UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, bulk, phase, started_at, finished_at, users_read, "
                        + "users_applied, users_deactivated, sites_applied, classes_applied, enrollments_applied, "
                        + "error_count, failure, classes_retired, enrollments_retired, homerooms_applied "
                        + "FROM roster_import WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("import", id.toString());
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> errors = em.createNativeQuery("SELECT file, line, reason FROM roster_import_error "
                        + "WHERE import_id = ?1 ORDER BY file, line LIMIT 1000")
                .setParameter(1, id).getResultList();
        return new RosterImportView(id, (String) r[0], (Boolean) r[1], (String) r[2], instant(r[3]), instant(r[4]),
                number(r[5]), number(r[6]), number(r[7]), number(r[8]), number(r[9]), number(r[10]), number(r[13]),
                number(r[14]), number(r[15]), number(r[11]), (String) r[12],
                errors.stream().map(e -> new RosterImportView.RowError((String) e[0],
                        ((Number) e[1]).longValue(), (String) e[2])).toList());
    }

    private static Response started(UUID id) {
        return Response.accepted().location(URI.create("/api/v1/imports/" + id))
                .entity(java.util.Map.of("id", id, "status", "RUNNING")).build();
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }
}
