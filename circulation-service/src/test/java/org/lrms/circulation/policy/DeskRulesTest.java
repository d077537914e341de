package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeskRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static PolicyMatrix days(int days) {
        return new PolicyMatrix(List.of(new PolicyRule(UUID.randomUUID(), null, null, null, LoanPeriod.ofDays(days),
                10, 2, 0, BigDecimal.ZERO, BigDecimal.ZERO, 60, BigDecimal.ZERO, true, 7)));
    }

    /** A loader that counts its calls and answers a fresh matrix each time. */
    private static final class Matrices implements Function<String, PolicyMatrix> {
        final List<String> loaded = new ArrayList<>();

        @Override
        public PolicyMatrix apply(String site) {
            loaded.add(site);
            return days(14);
        }
    }

    @Test
    void theSameVersionReadsTheMatrixOnce() {
        DeskRules rules = new DeskRules(10);
        Matrices load = new Matrices();
        PolicyMatrix first = rules.matrix(7, "LHS", load);
        PolicyMatrix again = rules.matrix(7, "LHS", load);
        assertSame(first, again);
        assertEquals(List.of("LHS"), load.loaded);
        rules.matrix(7, "JMS", load);
        assertEquals(List.of("LHS", "JMS"), load.loaded);
    }

    @Test
    void anotherVersionReadsAgainAndDropsWhatWasKeptUnderTheOldOne() {
        DeskRules rules = new DeskRules(10);
        Matrices load = new Matrices();
        PolicyMatrix old = rules.matrix(7, "LHS", load);
        rules.matrix(7, "JMS", load);
        PolicyMatrix changed = rules.matrix(8, "LHS", load);
        assertFalse(old == changed, "read again under version 8");
        assertEquals(1, rules.size(), "JMS's rules of version 7 are dropped");
        assertSame(changed, rules.matrix(8, "LHS", load));
        assertEquals(List.of("LHS", "JMS", "LHS"), load.loaded);
        // a request whose transaction still reads version 7 does not get version 8's rules either
        rules.matrix(7, "LHS", load);
        assertEquals(4, load.loaded.size());
    }

    @Test
    void closedDaysAreReadOnceForAWideWindowAndAnsweredOnlyWithinTheRequest() {
        DeskRules rules = new DeskRules(10);
        AtomicInteger reads = new AtomicInteger();
        LocalDate holiday = TODAY.plusDays(20);
        LocalDate later = TODAY.plusDays(300);
        DeskRules.ClosedDaysLoader load = (site, from, to) -> {
            reads.incrementAndGet();
            return Set.of(holiday, later).stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).toList();
        };
        Predicate<LocalDate> closed = rules.closedDays(1, "LHS", TODAY, TODAY.plusDays(74), load);
        assertTrue(closed.test(holiday));
        assertFalse(closed.test(holiday.plusDays(1)));
        assertFalse(closed.test(later), "outside the request, as the database would answer");
        // the next day's check-out, and a fixed date within the window: no read
        assertTrue(rules.closedDays(1, "LHS", TODAY.plusDays(1), TODAY.plusDays(75), load).test(holiday));
        assertTrue(rules.closedDays(1, "LHS", later.minusDays(10), later.plusDays(50), load).test(later));
        assertEquals(1, reads.get());
        // a request past the window reads again
        rules.closedDays(1, "LHS", TODAY.plusDays(600), TODAY.plusDays(660), load);
        assertEquals(2, reads.get());
        // a new version reads again
        rules.closedDays(2, "LHS", TODAY.plusDays(600), TODAY.plusDays(660), load);
        assertEquals(3, reads.get());
    }

    @Test
    void theMatrixAndTheClosedDaysOfASiteAreKeptTogether() {
        DeskRules rules = new DeskRules(10);
        Matrices load = new Matrices();
        AtomicInteger reads = new AtomicInteger();
        DeskRules.ClosedDaysLoader days = (site, from, to) -> {
            reads.incrementAndGet();
            return List.of();
        };
        rules.matrix(3, "LHS", load);
        rules.closedDays(3, "LHS", TODAY, TODAY.plusDays(74), days);
        rules.matrix(3, "LHS", load);
        rules.closedDays(3, "LHS", TODAY, TODAY.plusDays(74), days);
        assertEquals(1, load.loaded.size());
        assertEquals(1, reads.get());
    }

    @Test
    void atMostMaxSitesAreKeptTheLeastRecentlyUsedDroppedFirst() {
        DeskRules rules = new DeskRules(3);
        Matrices load = new Matrices();
        for (String site : List.of("A", "B", "C")) {
            rules.matrix(1, site, load);
        }
        rules.matrix(1, "A", load); // A used again: B is now the oldest
        rules.matrix(1, "D", load);
        assertEquals(3, rules.size());
        rules.matrix(1, "A", load);
        rules.matrix(1, "C", load);
        rules.matrix(1, "D", load);
        assertEquals(List.of("A", "B", "C", "D"), load.loaded, "A, C and D still kept");
        rules.matrix(1, "B", load);
        assertEquals(List.of("A", "B", "C", "D", "B"), load.loaded, "B was dropped");
        assertEquals(3, rules.size());

        DeskRules district = new DeskRules(DeskRules.DISTRICT_SITES);
        for (int i = 0; i < DeskRules.DISTRICT_SITES + 500; i++) {
            district.matrix(1, "S" + i, site -> days(14));
        }
        assertEquals(DeskRules.DISTRICT_SITES, district.size());
    }
}
