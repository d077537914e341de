package org.lrms.bench.report;

/** A target of the benchmark issue and whether this run met it. */
public record Target(String description, String measured, boolean met) {
}
