package org.lrms.portal.proxy;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;

/**
 * Serves each service's API to the browser from the portal's own origin: {@code /api/catalog/v1/titles} goes to the
 * catalog's {@code /api/v1/titles}, with the caller's bearer token and body. The services authorise every call
 * themselves; the portal adds nothing and checks nothing.
 */
@Path("/api/{service}/v1{path: (/.*)?}")
public class ServiceProxy {

    @Inject
    Forwarder forwarder;

    @GET
    public Response get(@PathParam("service") String service, @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.forward("GET", service, path, uri, headers, null);
    }

    @HEAD
    public Response head(@PathParam("service") String service, @PathParam("path") String path,
                         @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.forward("HEAD", service, path, uri, headers, null);
    }

    @DELETE
    public Response delete(@PathParam("service") String service, @PathParam("path") String path,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        return forwarder.forward("DELETE", service, path, uri, headers, null);
    }

    @POST
    public Response post(@PathParam("service") String service, @PathParam("path") String path,
                         @Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return forwarder.forward("POST", service, path, uri, headers, body);
    }

    @PUT
    public Response put(@PathParam("service") String service, @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return forwarder.forward("PUT", service, path, uri, headers, body);
    }

    @PATCH
    public Response patch(@PathParam("service") String service, @PathParam("path") String path,
                          @Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return forwarder.forward("PATCH", service, path, uri, headers, body);
    }
}
