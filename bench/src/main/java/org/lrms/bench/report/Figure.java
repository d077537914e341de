package org.lrms.bench.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /** Mean and nearest-rank percentiles of latency samples in milliseconds (none: NaN). */
    public static Figure ofSamples(String name, double perSecond, List<Double> samplesMs, long failed) {
        List<Double> sorted = new ArrayList<>(samplesMs);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return latency(name, perSecond, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, failed);
        }
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return latency(name, perSecond, mean, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.size(), failed);
    }

    public static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public static Figure value(String name, double value, String unit) {
        return new Figure(name, null, null, null, null, null, null, null, value, unit);
    }
}
