package org.lrms.circulation.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which copy on which shelf fills which waiting hold: the district-wide share-out that the hold pull list of a site
 * shows, and that a copy scanned at its own desk follows (so the list and the scan agree). Plain Java.
 *
 * <p>Per title, holds in queue order (priority, then date):
 * <ol>
 *   <li>a hold on one copy takes that copy if it is on the shelf;</li>
 *   <li>a title-level hold takes a copy on the shelf of its pickup site (no transit);</li>
 *   <li>the title-level holds their pickup site cannot fill (an inter-school loan) take a copy from the site with
 *       the most copies left on the shelf (then by site code), so two schools never pull a copy for the same
 *       hold.</li>
 * </ol>
 * Within a site, copies go in shelf order (location, call number, barcode).
 */
public final class PullList {

    /** A waiting hold: on a title ({@code copyId} null) or on one copy. */
    public record WaitingHold(UUID id, UUID titleId, UUID copyId, String pickupSite, int priority,
                              Instant placedAt) {
    }

    /** A copy on the shelf of its home site (available, circulating, not set aside). */
    public record ShelfCopy(UUID id, UUID titleId, String siteCode, String barcode, String callNumber,
                            String shelfKey, String shelfLocation) {
    }

    /** A copy to pull for a hold; {@code queuePosition} is the hold's place among its title's waiting holds. */
    public record Pull(WaitingHold hold, ShelfCopy copy, int queuePosition) {
    }

    /**
     * Shelf order: location, then the call number as the shelf orders it (the catalog's shelf key: Dewey and LC
     * numbers as numbers), then the call number as written (for copies replicated before the key), then barcode
     * (case-insensitive, blanks last).
     */
    public static final Comparator<ShelfCopy> SHELF_ORDER = Comparator
            .comparing(ShelfCopy::shelfLocation, PullList::blankLast)
            .thenComparing(ShelfCopy::shelfKey, PullList::blankLast)
            .thenComparing(ShelfCopy::callNumber, PullList::blankLast)
            .thenComparing(ShelfCopy::barcode, PullList::blankLast);

    /** Queue order: priority (higher first), then the oldest, then the id (so equal holds have one order). */
    public static final Comparator<WaitingHold> QUEUE_ORDER = Comparator
            .comparingInt(WaitingHold::priority).reversed()
            .thenComparing(WaitingHold::placedAt)
            .thenComparing(WaitingHold::id);

    private PullList() {
    }

    /**
     * Shares the copies on the shelves out to the waiting holds, title by title; answers every pull, of every site.
     * {@code first}, when not null, goes first among its site's copies of its title (the copy a desk just scanned).
     */
    public static List<Pull> allocate(List<WaitingHold> holds, List<ShelfCopy> copies, UUID first) {
        Map<UUID, List<WaitingHold>> holdsByTitle = new LinkedHashMap<>();
        holds.forEach(h -> holdsByTitle.computeIfAbsent(h.titleId(), k -> new ArrayList<>()).add(h));
        Map<UUID, List<ShelfCopy>> copiesByTitle = new HashMap<>();
        copies.forEach(c -> copiesByTitle.computeIfAbsent(c.titleId(), k -> new ArrayList<>()).add(c));
        List<Pull> pulls = new ArrayList<>();
        for (Map.Entry<UUID, List<WaitingHold>> title : holdsByTitle.entrySet()) {
            List<ShelfCopy> shelf = copiesByTitle.getOrDefault(title.getKey(), List.of());
            if (!shelf.isEmpty()) {
                pulls.addAll(allocateTitle(title.getValue(), shelf, first));
            }
        }
        return pulls;
    }

    /** The pulls of one site, in shelf order. */
    public static List<Pull> forSite(List<Pull> pulls, String site) {
        return pulls.stream().filter(p -> p.copy().siteCode().equals(site))
                .sorted(Comparator.comparing(Pull::copy, SHELF_ORDER)).toList();
    }

    /** The hold that the copy {@code copyId} fills in this share-out, if any. */
    public static Optional<WaitingHold> holdFor(List<Pull> pulls, UUID copyId) {
        return pulls.stream().filter(p -> p.copy().id().equals(copyId)).map(Pull::hold).findFirst();
    }

    private static List<Pull> allocateTitle(List<WaitingHold> titleHolds, List<ShelfCopy> shelf, UUID first) {
        List<WaitingHold> queue = titleHolds.stream().sorted(QUEUE_ORDER).toList();
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < queue.size(); i++) {
            position.put(queue.get(i).id(), i + 1);
        }
        Comparator<ShelfCopy> order = Comparator.<ShelfCopy, Boolean>comparing(c -> !c.id().equals(first))
                .thenComparing(SHELF_ORDER);
        Map<String, List<ShelfCopy>> bySite = new TreeMap<>();
        shelf.stream().sorted(order).forEach(c -> bySite.computeIfAbsent(c.siteCode(), k -> new ArrayList<>()).add(c));
        Map<UUID, ShelfCopy> byId = new HashMap<>();
        shelf.forEach(c -> byId.put(c.id(), c));
        Set<UUID> taken = new HashSet<>();
        Map<WaitingHold, ShelfCopy> assigned = new LinkedHashMap<>();

        for (WaitingHold hold : queue) {
            if (hold.copyId() != null) {
                ShelfCopy copy = byId.get(hold.copyId());
                if (copy != null && taken.add(copy.id())) {
                    assigned.put(hold, copy);
                }
            }
        }
        List<WaitingHold> elsewhere = new ArrayList<>();
        for (WaitingHold hold : queue) {
            if (hold.copyId() != null) {
                continue;
            }
            Optional<ShelfCopy> here = next(bySite.getOrDefault(hold.pickupSite(), List.of()), taken);
            if (here.isPresent()) {
                taken.add(here.get().id());
                assigned.put(hold, here.get());
            } else {
                elsewhere.add(hold);
            }
        }
        for (WaitingHold hold : elsewhere) {
            String from = null;
            long most = 0;
            for (Map.Entry<String, List<ShelfCopy>> site : bySite.entrySet()) { // by site code: ties go to the first
                long left = site.getValue().stream().filter(c -> !taken.contains(c.id())).count();
                if (left > most) {
                    most = left;
                    from = site.getKey();
                }
            }
            if (from == null) {
                break; // no copy left on any shelf
            }
            ShelfCopy copy = next(bySite.get(from), taken).orElseThrow();
            taken.add(copy.id());
            assigned.put(hold, copy);
        }
        List<Pull> pulls = new ArrayList<>();
        assigned.forEach((hold, copy) -> pulls.add(new Pull(hold, copy, position.get(hold.id()))));
        return pulls;
    }

    private static Optional<ShelfCopy> next(List<ShelfCopy> copies, Set<UUID> taken) {
        return copies.stream().filter(c -> !taken.contains(c.id())).findFirst();
    }

    private static int blankLast(String a, String b) {
        boolean noA = a == null || a.isBlank();
        boolean noB = b == null || b.isBlank();
        if (noA || noB) {
            return Boolean.compare(noA, noB);
        }
        return a.compareToIgnoreCase(b);
    }
}
