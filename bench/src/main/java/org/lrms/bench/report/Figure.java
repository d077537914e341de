package org.lrms.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure: throughput (per second) and latency percentiles in milliseconds, as far as they apply.
 * {@code failed} counts requests that did not get the expected answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figure(String name, Double perSecond, Double meanMs, Double p50Ms, Double p95Ms, Double p99Ms,
                     Long requests, Long failed, Double value, String unit) {

    public static Figure throughput(String name, double perSecond, double meanMs) {
        return new Figure(name, perSecond, Double.isNaN(meanMs) ? null : meanMs, null, null, null, null, null, null,
                null);
    }

    public static Figure latency(String name, double perSecond, double meanMs, double p50, double p95, double p99,
                                 long requests, long failed) {
        return new Figure(name, perSecond, meanMs, p50, p95, p99, requests, failed, null, null);
    }

    public static Figure value(String name, double value, String unit) {
        return new Figure(name, null, null, null, null, null, null, null, value, unit);
    }
}
