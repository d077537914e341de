package org.lrms.circulation.patron.photo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/**
 * The school-photo vendor's yearly zip ({@code <patron barcode>.jpg|.jpeg|.png}): applied entry by entry, with the
 * entries refused and why. Site staff put the pictures of their own sites' patrons only.
 */
@Path("/api/v1/imports/patron-photos")
@RolesAllowed({"site-staff", "district-admin"})
public class PatronPhotoImportResource {

    @Inject
    PatronPhotoImport imports;

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @Produces(MediaType.APPLICATION_JSON)
    public PhotoImportView importZip(InputStream zip) {
        return imports.run(zip);
    }
}
