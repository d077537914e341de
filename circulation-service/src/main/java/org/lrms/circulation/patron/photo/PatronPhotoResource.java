package org.lrms.circulation.patron.photo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * A patron's picture, for the desk to tell that the child at the desk is the card's owner. Never cached on the way
 * ({@code Cache-Control: private, no-store}): these are children's pictures.
 */
@Path("/api/v1/patrons/{id}/photo")
@RolesAllowed({"site-staff", "district-admin"})
public class PatronPhotoResource {

    @Inject
    PatronPhotos photos;

    /**
     * The picture as the body ({@code image/jpeg} or {@code image/png}), replacing any earlier one; read to the limit
     * and one byte more, no further.
     */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public PatronPhotoView put(@PathParam("id") UUID id, @HeaderParam("Content-Type") String contentType,
                               InputStream body) {
        byte[] image;
        try {
            image = PhotoReads.readAtMost(body, photos.limits().maxBytes() + 1, PhotoReads.UNMETERED);
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "the body could not be read");
        }
        return photos.put(id, contentType, image);
    }

    @GET
    public Response get(@PathParam("id") UUID id) {
        PatronPhotos.StoredPhoto photo = photos.get(id);
        return Response.ok(photo.image(), photo.view().contentType())
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    public Response delete(@PathParam("id") UUID id) {
        photos.delete(id);
        return Response.noContent().build();
    }
}
