package org.lrms.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lrms.kit.problem.Problem;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission control: at most {@code lrms.http.max-in-flight} API requests are in progress at once; one more is
 * answered 503 at once ({@code Retry-After: 1}, problem code {@code overloaded}) before its token is checked or its
 * body read.
 *
 * <p>Without it, a load the service cannot keep up with (an open stream of desk requests above what the machine
 * answers) piles up as open connections and queued work until the heap is gone: circulation ran out of its 384 MB at
 * 1,000 desk requests a second offered and stayed unusable afterwards. With it, the requests admitted are answered in
 * the time the service needs for them, the others at once with an answer the desk retries with the same
 * Idempotency-Key, and the service keeps working. Health endpoints ({@code /q/...}) are never counted nor refused.
 *
 * <p>A place is freed when the exchange ends: answered, or the client gone. A client that gives up on an admitted
 * request frees its place while a worker may still be busy with it; with 128 places and a service answering hundreds
 * a second, an admitted request waits well under a second, far less than the desks' and the portal's timeouts.
 */
@ApplicationScoped
public class InFlightLimit {

    private static final Logger LOG = Logger.getLogger(InFlightLimit.class);
    /** Right after the body handler (when a service has one), before authentication and every resource. */
    static final int ORDER = Integer.MIN_VALUE + 2;
    private static final long SAY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    @ConfigProperty(name = "lrms.http.max-in-flight", defaultValue = "128")
    int max;

    @Inject
    ObjectMapper json;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong refusedSinceSaid = new AtomicLong();
    private final AtomicLong saidAt = new AtomicLong(System.nanoTime() - SAY_EVERY_NANOS);

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::admit);
    }

    void admit(RoutingContext context) {
        if (!enter()) {
            refuse(context);
            return;
        }
        // freed once, however the exchange ends: answered, failed, or the client gone
        AtomicBoolean held = new AtomicBoolean(true);
        context.addEndHandler(ended -> {
            if (held.compareAndSet(true, false)) {
                leave();
            }
        });
        context.next();
    }

    /** Takes a place if one is free. */
    boolean enter() {
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** API requests in progress now. */
    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }

    private void refuse(RoutingContext context) {
        long refused = refusedSinceSaid.incrementAndGet();
        long now = System.nanoTime();
        long last = saidAt.get();
        if (now - last >= SAY_EVERY_NANOS && saidAt.compareAndSet(last, now)) {
            refusedSinceSaid.addAndGet(-refused);
            LOG.warnf("overloaded: %d requests refused with 503 since the last warning (%d in progress at most)",
                    refused, max);
        }
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response().setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, "1")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (!request.isEnded()) {
            // a body on its way is read and dropped, so the connection is not left waiting on a body nobody reads;
            // over HTTP/1.1 (the portal's keep-alive connections) the connection closes after it, while an HTTP/2
            // connection carries other requests' streams and stays open
            request.handler(chunk -> { });
            if (request.version() != HttpVersion.HTTP_2) {
                response.putHeader(HttpHeaders.CONNECTION, "close");
                request.endHandler(ended -> request.connection().close());
            }
            request.resume();
        }
        response.end(body(context.normalizedPath()));
    }

    private String body(String path) {
        Problem problem = Problem.overloaded(" (" + max + " requests in progress)", path);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":503,\"code\":\"overloaded\"}";
        }
    }
}
