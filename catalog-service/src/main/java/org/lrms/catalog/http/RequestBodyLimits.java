package org.lrms.catalog.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.kit.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * The size limits of request bodies, one per route: a MARC file may be {@code catalog.marc.max-upload-bytes}
 * (200 MB), every other body {@code catalog.http.max-body-bytes} (4 MB: JSON requests; 20,000 inventory scans are
 * under 1 MB). Quarkus has one limit for the whole server ({@code quarkus.http.limits.max-body-size}, switched off in
 * application.properties), whose bare 413 would answer before the import could name its own limit; this route takes
 * its place, at its order, and answers {@code application/problem+json}.
 * <p>
 * A body with a {@code Content-Length} over the limit is refused before it is read. A chunked body has no length:
 * a MARC file is then counted while it is spooled (the import's own 413), any other body by Quarkus REST's input
 * stream, which stops at the limit set here.
 */
@ApplicationScoped
public class RequestBodyLimits {

    static final String MARC_IMPORTS = "/api/v1/imports/marc";

    @ConfigProperty(name = "catalog.marc.max-upload-bytes", defaultValue = "209715200")
    long marcBytes;

    @ConfigProperty(name = "catalog.http.max-body-bytes", defaultValue = "4194304")
    long bodyBytes;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        boolean marc = rc.request().method() == HttpMethod.POST && isMarcImport(rc.normalizedPath());
        long limit = marc ? marcBytes : bodyBytes;
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length, limit)) {
            refuse(rc, marc, limit);
            return;
        }
        if (length == null && !marc) {
            rc.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        }
        rc.next();
    }

    static boolean isMarcImport(String path) {
        return path.equals(MARC_IMPORTS) || path.equals(MARC_IMPORTS + "/");
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x's HTTP decoder refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext rc, boolean marc, long limit) {
        String field = marc ? "file" : "body";
        String message = "larger than " + limit + " bytes" + (marc ? "; split it" : "");
        Problem problem = new Problem("about:blank", "Payload too large", 413, field + ": " + message,
                rc.normalizedPath(), marc ? "file-too-large" : "body-too-large",
                List.of(new Problem.FieldError(field, message)), Map.of("maxBytes", limit));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413,\"code\":\"" + problem.code() + "\"}";
        }
        HttpServerRequest request = rc.request();
        // an HTTP/2 connection carries other requests' streams: only an HTTP/1.1 connection is closed after the answer
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (http1) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // curl and browsers wait for a 100 before a large body: none comes, nothing is sent. Closed through the
            // context, not response().endHandler: that would replace the handlers the context's own end handlers
            // hang on (lrms-kit's InFlightLimit frees the request's place in one of them)
            if (http1) {
                rc.addEndHandler(ended -> request.connection().close());
            }
            rc.response().end(body);
            return;
        }
        // a client already sending reads the answer only once its body is written: the body is read and dropped
        // (at most the length it declared), and an HTTP/1.1 connection closes after it
        request.handler(chunk -> { });
        if (http1) {
            request.endHandler(v -> request.connection().close());
        }
        request.resume();
        rc.response().end(body);
    }
}
