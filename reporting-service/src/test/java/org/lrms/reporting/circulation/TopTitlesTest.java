package org.lrms.reporting.circulation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The threshold algorithm gives exactly the ranking of every title added up, and reads only the rankings' heads. */
class TopTitlesTest {

    /** Check-outs per title and day, in memory. */
    private static final class Loans implements TopTitles.Source {
        final Map<LocalDate, Map<UUID, Long>> byDay = new HashMap<>();
        final Map<UUID, String> names = new HashMap<>();
        final AtomicInteger headRows = new AtomicInteger();
        final AtomicInteger fallbacks = new AtomicInteger();
        RollupPeriods periods;

        void add(LocalDate day, UUID title, long n) {
            byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(title, n, Long::sum);
        }

        Map<UUID, Long> month(LocalDate month) {
            Map<UUID, Long> sum = new HashMap<>();
            byDay.forEach((day, titles) -> {
                if (day.withDayOfMonth(1).equals(month)) {
                    titles.forEach((t, n) -> sum.merge(t, n, Long::sum));
                }
            });
            return sum;
        }

        Map<UUID, CirculationReport.TopTitle> period() {
            Map<UUID, Long> sum = new HashMap<>();
            periods.months().forEach(m -> month(m).forEach((t, n) -> sum.merge(t, n, Long::sum)));
            periods.days().forEach(d -> byDay.getOrDefault(d, Map.of()).forEach((t, n) -> sum.merge(t, n, Long::sum)));
            Map<UUID, CirculationReport.TopTitle> out = new HashMap<>();
            sum.forEach((t, n) -> out.put(t, new CirculationReport.TopTitle(t, names.get(t), n)));
            return out;
        }

        @Override
        public List<TopTitles.Count> head(LocalDate month, int depth) {
            List<TopTitles.Count> ranked = new ArrayList<>();
            month(month).forEach((t, n) -> ranked.add(new TopTitles.Count(t, n)));
            ranked.sort(Comparator.comparingLong(TopTitles.Count::checkouts).reversed());
            List<TopTitles.Count> head = ranked.subList(0, Math.min(depth, ranked.size()));
            headRows.addAndGet(head.size());
            return head;
        }

        @Override
        public List<CirculationReport.TopTitle> exact(Set<UUID> titles) {
            Map<UUID, CirculationReport.TopTitle> all = period();
            return titles.stream().map(t -> all.getOrDefault(t, new CirculationReport.TopTitle(t, names.get(t), 0)))
                    .toList();
        }

        @Override
        public List<CirculationReport.TopTitle> all(int k) {
            fallbacks.incrementAndGet();
            return TopTitles.rank(period(), k);
        }
    }

    private static Loans skewed(long seed, int titles, int loans) {
        Random random = new Random(seed);
        Loans l = new Loans();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < titles; i++) {
            UUID id = new UUID(seed, i);
            ids.add(id);
            l.names.put(id, i % 7 == 0 ? null : "Title " + (i % 50)); // names repeat: ties go to the name, then id
        }
        LocalDate start = LocalDate.of(2026, 8, 1);
        for (int i = 0; i < loans; i++) {
            int title = (int) Math.floor(Math.pow(random.nextDouble(), 3) * titles);
            l.add(start.plusDays(random.nextInt(330)), ids.get(title), 1);
        }
        return l;
    }

    @Test
    void aSchoolYearOfWholeMonthsGivesTheExactRankingFromTheHeadsAlone() {
        Loans loans = skewed(1, 20_000, 200_000);
        loans.periods = RollupPeriods.of(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 6, 30));
        assertEquals(TopTitles.rank(loans.period(), 10), TopTitles.of(loans, loans.periods, 10));
        assertEquals(0, loans.fallbacks.get());
        assertTrue(loans.headRows.get() < 20_000, "read " + loans.headRows.get() + " ranking rows");
    }

    @Test
    void cutMonthsAndAnyTopAreExactToo() {
        for (long seed = 2; seed < 12; seed++) {
            Loans loans = skewed(seed, 3_000, 30_000);
            Random random = new Random(seed);
            LocalDate from = LocalDate.of(2026, 8, 1).plusDays(random.nextInt(200));
            LocalDate to = from.plusDays(random.nextInt(150));
            loans.periods = RollupPeriods.of(from, to);
            int k = 1 + random.nextInt(100);
            assertEquals(TopTitles.rank(loans.period(), k), TopTitles.of(loans, loans.periods, k), from + ".." + to);
        }
    }

    @Test
    void flatRankingsEndInTheFallbackAndTiesAreBrokenByNameThenId() {
        Loans loans = new Loans();
        for (int i = 0; i < 30_000; i++) {
            UUID id = new UUID(0, i);
            loans.names.put(id, i % 2 == 0 ? "Same" : null);
            loans.add(LocalDate.of(2026, 9, 1 + i % 30), id, 1); // every title borrowed once
        }
        loans.periods = RollupPeriods.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
        List<CirculationReport.TopTitle> top = TopTitles.of(loans, loans.periods, 3);
        assertEquals(1, loans.fallbacks.get());
        assertEquals(List.of(new UUID(0, 0), new UUID(0, 2), new UUID(0, 4)),
                top.stream().map(CirculationReport.TopTitle::titleId).toList());
        assertEquals(List.of(), TopTitles.of(loans, RollupPeriods.of(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 1, 31)), 3));
    }
}
