package org.lrms.circulation.hold;

import org.junit.jupiter.api.Test;
import org.lrms.circulation.hold.PullList.Pull;
import org.lrms.circulation.hold.PullList.ShelfCopy;
import org.lrms.circulation.hold.PullList.WaitingHold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullListAllocationTest {

    static final UUID TITLE = UUID.randomUUID();
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    static WaitingHold hold(String pickup, int minutes) {
        return new WaitingHold(UUID.randomUUID(), TITLE, null, pickup, 0, T0.plusSeconds(60L * minutes));
    }

    static ShelfCopy copy(String site, String barcode, String location, String callNumber) {
        return new ShelfCopy(UUID.randomUUID(), TITLE, site, barcode, callNumber, callNumber, location);
    }

    static List<String> barcodes(List<Pull> pulls) {
        return pulls.stream().map(p -> p.copy().barcode()).toList();
    }

    @Test
    void aHoldIsFilledFromItsPickupSiteShelfBeforeAnotherSchoolsEvenWhenItWaitsLonger() {
        WaitingHold atRms = hold("RMS", 0);
        WaitingHold atLhs = hold("LHS", 5);
        ShelfCopy lhs = copy("LHS", "L1", "Fiction", "FIC SAC");
        ShelfCopy rms = copy("RMS", "R1", "Fiction", "FIC SAC");

        List<Pull> pulls = PullList.allocate(List.of(atRms, atLhs), List.of(lhs, rms), null);

        assertEquals(atLhs, PullList.holdFor(pulls, lhs.id()).orElseThrow());
        assertEquals(atRms, PullList.holdFor(pulls, rms.id()).orElseThrow());
        assertEquals(2, PullList.forSite(pulls, "LHS").get(0).queuePosition());
    }

    @Test
    void holdsThePickupSiteCannotFillGoToTheSiteWithTheMostCopiesLeftAndNoHoldIsPulledTwice() {
        WaitingHold first = hold("GES", 0);
        WaitingHold second = hold("GES", 1);
        List<ShelfCopy> copies = List.of(copy("LHS", "L1", "F", "A"), copy("RMS", "R1", "F", "A"),
                copy("RMS", "R2", "F", "B"));

        List<Pull> pulls = PullList.allocate(List.of(first, second), copies, null);

        assertEquals(List.of("R1"), barcodes(PullList.forSite(pulls, "RMS")));
        // RMS had two copies left, then one each: the tie goes by site code, LHS first
        assertEquals(List.of("L1"), barcodes(PullList.forSite(pulls, "LHS")));
        assertEquals(2, pulls.size());
        assertEquals(2, pulls.stream().map(p -> p.hold().id()).distinct().count());
    }

    @Test
    void aCopyHoldTakesItsCopyAndTitleHoldsTakeTheRestInShelfOrder() {
        ShelfCopy wanted = copy("LHS", "L1", "Fiction", "FIC AAA");
        ShelfCopy other = copy("LHS", "L2", "Fiction", "FIC ZZZ");
        WaitingHold titleHold = hold("LHS", 0);
        WaitingHold copyHold = new WaitingHold(UUID.randomUUID(), TITLE, wanted.id(), "RMS", 0, T0.plusSeconds(600));

        List<Pull> pulls = PullList.allocate(List.of(titleHold, copyHold), List.of(other, wanted), null);

        assertEquals(copyHold, PullList.holdFor(pulls, wanted.id()).orElseThrow());
        assertEquals(titleHold, PullList.holdFor(pulls, other.id()).orElseThrow());
        assertEquals(List.of("L1", "L2"), barcodes(PullList.forSite(pulls, "LHS")));
    }

    @Test
    void theScannedCopyGoesFirstAmongItsSitesCopiesAndPriorityComesBeforeAge() {
        ShelfCopy a = copy("LHS", "L1", "Fiction", "FIC A");
        ShelfCopy b = copy("LHS", "L2", "Fiction", "FIC B");
        WaitingHold old = hold("LHS", 0);
        WaitingHold urgent = new WaitingHold(UUID.randomUUID(), TITLE, null, "LHS", 5, T0.plusSeconds(6000));

        List<Pull> scanningB = PullList.allocate(List.of(old, urgent), List.of(a, b), b.id());

        assertEquals(urgent, PullList.holdFor(scanningB, b.id()).orElseThrow());
        assertEquals(1, PullList.forSite(scanningB, "LHS").stream().filter(p -> p.hold() == urgent).findFirst()
                .orElseThrow().queuePosition());
    }

    @Test
    void moreHoldsThanCopiesLeaveTheLastHoldsOutAndACopyNobodyNeedsIsNotListed() {
        ShelfCopy only = copy("LHS", "L1", null, null);
        List<Pull> pulls = PullList.allocate(List.of(hold("LHS", 0), hold("LHS", 1)), List.of(only), null);
        assertEquals(1, pulls.size());
        assertEquals(1, pulls.get(0).queuePosition());
        assertTrue(PullList.allocate(List.of(), List.of(only), null).isEmpty());
    }

    @Test
    void shelfOrderIsLocationThenCallNumberWithBlanksLast() {
        List<ShelfCopy> sorted = List.of(copy("LHS", "3", null, "A"), copy("LHS", "2", "fiction", "FIC B"),
                copy("LHS", "1", "Fiction", "FIC A"), copy("LHS", "0", "Biography", null)).stream()
                .sorted(PullList.SHELF_ORDER).toList();
        assertEquals(List.of("0", "1", "2", "3"), sorted.stream().map(ShelfCopy::barcode).toList());
    }

    @Test
    void callNumbersSortByTheCatalogsShelfKeyNotAsText() {
        // as text QA76 comes before QA9 and FIC SAC 10 before FIC SAC 2; on the shelf it is the other way round
        ShelfCopy qa76 = new ShelfCopy(UUID.randomUUID(), TITLE, "LHS", "1", "QA76 .A1", "QA 0076 A1", "Stacks");
        ShelfCopy qa9 = new ShelfCopy(UUID.randomUUID(), TITLE, "LHS", "2", "QA9 .A1", "QA 0009 A1", "Stacks");
        ShelfCopy sac10 = new ShelfCopy(UUID.randomUUID(), TITLE, "LHS", "3", "FIC SAC 10", "FIC SAC 010", "Stacks");
        ShelfCopy sac2 = new ShelfCopy(UUID.randomUUID(), TITLE, "LHS", "4", "FIC SAC 2", "FIC SAC 002", "Stacks");
        List<String> sorted = List.of(qa76, sac10, qa9, sac2).stream().sorted(PullList.SHELF_ORDER)
                .map(ShelfCopy::barcode).toList();
        assertEquals(List.of("4", "3", "2", "1"), sorted);
    }
}
