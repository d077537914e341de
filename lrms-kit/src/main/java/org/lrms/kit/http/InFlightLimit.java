package org.lrms.kit.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lrms.kit.problem.Problem;

import java.util.concurrent.TimeUnit;
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
 */
@ApplicationScoped
public class InFlightLimit {

    private static final Logger LOG = Logger.getLogger(InFlightLimit.class);
    /** Right after the body handler (when a service has one), before authentication and every resource. */
    static final int ORDER = Integer.MIN_VALUE + 2;
    private static final long SAY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    @ConfigProperty(name = "lrms.http.max-in-flight", defaultValue = "128")
    int max;

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
        context.addEndHandler(ended -> leave());
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
        context.response().setStatusCode(503)
                .putHeader("Retry-After", "1")
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(context.request().path()));
    }

    private String body(String path) {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", "Busy")
                .put("status", 503)
                .put("detail", "the service is too busy to take the request now (" + max + " requests in progress); "
                        + "try again in a moment (a retry with the same Idempotency-Key is safe)")
                .put("instance", path)
                .put("code", "overloaded")
                .encode();
    }
}
