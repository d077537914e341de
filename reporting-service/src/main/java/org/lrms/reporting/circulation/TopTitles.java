package org.lrms.reporting.circulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The most borrowed titles of a period, exactly, without adding up every title: the threshold algorithm over the
 * months' rankings. It reads the head of each month's ranking (whole months, and the months the period cuts, whose
 * counts bound from above those of their days), adds up each title seen exactly over the period, and stops when the
 * k-th of those beats what any title not seen could reach (the sum of each ranking's last count read); otherwise it
 * reads deeper. Titles tie on their name, then their id.
 */
public final class TopTitles {

    /** Where the counts come from. */
    public interface Source {
        /** A month's titles with the most check-outs, best first: at most {@code depth} (fewer: that is all). */
        List<Count> head(LocalDate month, int depth);

        /** The exact check-outs of each title over the period, with its name. */
        List<CirculationReport.TopTitle> exact(Set<UUID> titles);

        /** Every title's check-outs over the period, best first, at most {@code k} (the fallback). */
        List<CirculationReport.TopTitle> all(int k);
    }

    /** A title's check-outs in one month. */
    public record Count(UUID titleId, long checkouts) {
    }

    static final Comparator<CirculationReport.TopTitle> RANK = Comparator
            .comparingLong(CirculationReport.TopTitle::checkouts).reversed()
            .thenComparing(CirculationReport.TopTitle::title, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(t -> t.titleId().toString()); // as PostgreSQL orders uuids

    /** Past this depth the rankings are too flat for the algorithm to pay: every title is added up. */
    static final int MAX_DEPTH = 20_000;

    private TopTitles() {
    }

    public static List<CirculationReport.TopTitle> of(Source source, RollupPeriods periods, int k) {
        List<LocalDate> rankings = new ArrayList<>(periods.months());
        periods.cutMonths().stream().filter(m -> !rankings.contains(m)).forEach(rankings::add);
        if (rankings.isEmpty()) {
            return List.of();
        }
        for (int depth = Math.max(50, 4 * k); ; depth *= 4) {
            if (depth > MAX_DEPTH) {
                return source.all(k);
            }
            Set<UUID> seen = new HashSet<>();
            long threshold = 0;
            boolean exhausted = true;
            for (LocalDate month : rankings) {
                List<Count> head = source.head(month, depth);
                head.forEach(c -> seen.add(c.titleId()));
                if (head.size() >= depth) {
                    exhausted = false;
                    threshold += head.get(head.size() - 1).checkouts();
                }
            }
            List<CirculationReport.TopTitle> ranked = new ArrayList<>(source.exact(seen).stream()
                    .filter(t -> t.checkouts() > 0).toList());
            ranked.sort(RANK);
            List<CirculationReport.TopTitle> top = ranked.subList(0, Math.min(k, ranked.size()));
            if (exhausted || (top.size() == k && top.get(k - 1).checkouts() > threshold)) {
                return List.copyOf(top);
            }
        }
    }

    /** For tests and the fallback: the ranking of complete counts. */
    static List<CirculationReport.TopTitle> rank(Map<UUID, CirculationReport.TopTitle> all, int k) {
        return all.values().stream().filter(t -> t.checkouts() > 0).sorted(RANK).limit(k).toList();
    }
}
