package org.lrms.reporting.circulation;

import org.lrms.reporting.circulation.CirculationCounts.Kind;

import java.util.EnumMap;
import java.util.Map;

/** Adds up counts per kind of circulation event (rows come from SQL as key, kind, count). */
final class KindTally {

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);

    void add(String kind, long events) {
        counts.merge(Kind.valueOf(kind), events, Long::sum);
    }

    void addAll(KindTally other) {
        other.counts.forEach((kind, n) -> counts.merge(kind, n, Long::sum));
    }

    long get(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    CirculationReport.Counts counts() {
        return new CirculationReport.Counts(get(Kind.CHECKOUT), get(Kind.RENEWAL), get(Kind.RETURN), get(Kind.LOST),
                get(Kind.HOLD_FILLED));
    }
}
