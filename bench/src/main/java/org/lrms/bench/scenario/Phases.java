package org.lrms.bench.scenario;

import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The two phases of a run: the warm-up (the first {@code lrms.warmup} seconds, at the same load: the services' JIT,
 * pools and caches, and the load generator's own, settle) and the measured run after it. Each request is named by
 * the phase its user is in ({@code #{phase}} in the request's name), so Gatling reports the warm-up's requests apart
 * and the bench counts only the measured ones. One scenario serves both phases, so its feeder goes on where the
 * warm-up left it: the measured run does not replay the rows the warm-up has just brought into the caches.
 */
final class Phases {

    /** The session attribute holding the phase's prefix of request names. */
    static final String ATTRIBUTE = "phase";

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final long warmUpNanos;
    private final AtomicLong started = new AtomicLong(NOT_STARTED);

    Phases(Duration warmUp) {
        this.warmUpNanos = warmUp.toNanos();
    }

    static Phases fromParams() {
        return new Phases(Params.warmUp());
    }

    /** Warm-up and measured run together: how long the simulation injects. */
    Duration total() {
        return Params.warmUp().plus(Params.duration());
    }

    /** Marks the session with the phase of this moment; the run starts at the first user's first mark. */
    Function<Session, Session> mark() {
        return session -> session.set(ATTRIBUTE, warmingUp(System.nanoTime()) ? GatlingRun.WARM_UP : "");
    }

    boolean warmingUp(long nowNanos) {
        started.compareAndSet(NOT_STARTED, nowNanos);
        return nowNanos - started.get() < warmUpNanos;
    }

    /** A request's name as the scenario writes it: the phase's prefix, then the name. */
    static String named(String request) {
        return "#{" + ATTRIBUTE + "}" + request;
    }
}
