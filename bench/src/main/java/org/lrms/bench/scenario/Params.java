package org.lrms.bench.scenario;

import java.time.Duration;

/** What a simulation is told by the bench runner, through system properties of its JVM. */
final class Params {

    private Params() {
    }

    static String text(String name) {
        String value = System.getProperty("lrms." + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing -Dlrms." + name);
        }
        return value;
    }

    static int number(String name, int fallback) {
        String value = System.getProperty("lrms." + name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    static Duration duration() {
        return Duration.ofSeconds(number("duration", 60));
    }

    /** How long the load runs before the measured run ({@link Phases}). */
    static Duration warmUp() {
        return Duration.ofSeconds(number("warmup", 0));
    }

    static String bearer() {
        return "Bearer " + text("token");
    }
}
