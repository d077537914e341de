package org.lrms.circulation.policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The desk rules of the sites (each site's policy matrix and closed days) kept in memory under the version of the
 * desk rules they were read under. Policies and calendars change a few times a year, a district's desks lend all
 * day: a check-out reads the version with its patron (one statement it runs anyway) and reads the rules here instead
 * of two statements of its own. Every change to the rules bumps the version in its own transaction (triggers, see
 * V19), so a request naming the version its transaction read never gets rules older than that: a different version
 * drops every entry and loads again. Callers load after reading the version, so an entry is at least as new as its
 * tag (a little newer at worst, as the statements it replaces would have read).
 * <p>
 * Loading happens outside the lock (in the caller's transaction); the lock only guards the map. At most
 * {@code maxSites} sites are kept, the least recently used dropped first.
 */
public final class DeskRules {

    /** A district's sites, with room to spare: every school's desk keeps its rules in memory. */
    public static final int DISTRICT_SITES = 2_000;

    /**
     * How many days past the start of a request the closed days are read at once: the longest loan (366 days) and
     * its 60 days looked ahead, plus a few months, so the next days' check-outs and an end-of-term fixed date fall
     * inside without reading again.
     */
    static final int WINDOW_DAYS = 550;

    /** Reads a site's closed days (its own and the district's) in [from, to]. */
    @FunctionalInterface
    public interface ClosedDaysLoader {
        Collection<LocalDate> load(String site, LocalDate from, LocalDate to);
    }

    /** A site's closed days read for [from, to], as sorted epoch days (a few bytes a day for 1,200 sites). */
    private record ClosedDays(long from, long to, long[] days) {

        boolean covers(LocalDate start, LocalDate end) {
            return from <= start.toEpochDay() && end.toEpochDay() <= to;
        }

        /** Closed in [start, end] only, as the database's answer for that request would be. */
        Predicate<LocalDate> between(LocalDate start, LocalDate end) {
            return day -> !day.isBefore(start) && !day.isAfter(end)
                    && Arrays.binarySearch(days, day.toEpochDay()) >= 0;
        }
    }

    /** What is kept of one site: either part may not be read yet. */
    private record SiteRules(PolicyMatrix matrix, ClosedDays closedDays) {
    }

    private final int maxSites;
    private final LinkedHashMap<String, SiteRules> sites;
    private long version;
    private boolean versioned;

    public DeskRules(int maxSites) {
        if (maxSites < 1) {
            throw new IllegalArgumentException("maxSites must be at least 1");
        }
        this.maxSites = maxSites;
        this.sites = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SiteRules> eldest) {
                return size() > DeskRules.this.maxSites;
            }
        };
    }

    /** The policy matrix of {@code site} under {@code version}: kept, or loaded (then kept) by {@code load}. */
    public PolicyMatrix matrix(long version, String site, Function<String, PolicyMatrix> load) {
        SiteRules kept = kept(version, site);
        if (kept != null && kept.matrix() != null) {
            return kept.matrix();
        }
        PolicyMatrix matrix = load.apply(site);
        keep(version, site, rules -> new SiteRules(matrix, rules == null ? null : rules.closedDays()));
        return matrix;
    }

    /**
     * The closed days of {@code site} in [from, to] under {@code version}: from the days kept when they cover the
     * request, otherwise read by {@code load} for [from, from + {@value #WINDOW_DAYS} days] (or to, if later) and
     * kept in place of the earlier ones.
     */
    public Predicate<LocalDate> closedDays(long version, String site, LocalDate from, LocalDate to,
                                           ClosedDaysLoader load) {
        SiteRules kept = kept(version, site);
        if (kept != null && kept.closedDays() != null && kept.closedDays().covers(from, to)) {
            return kept.closedDays().between(from, to);
        }
        LocalDate until = from.plusDays(WINDOW_DAYS);
        if (to.isAfter(until)) {
            until = to;
        }
        long[] days = load.load(site, from, until).stream().mapToLong(LocalDate::toEpochDay).sorted().distinct()
                .toArray();
        ClosedDays closed = new ClosedDays(from.toEpochDay(), until.toEpochDay(), days);
        keep(version, site, rules -> new SiteRules(rules == null ? null : rules.matrix(), closed));
        return closed.between(from, to);
    }

    /** How many sites are kept (for tests and metrics). */
    public synchronized int size() {
        return sites.size();
    }

    private synchronized SiteRules kept(long requested, String site) {
        if (!versioned || requested != version) {
            // the rules changed (or this request's transaction began before a change that others see already):
            // nothing kept was read under this version
            sites.clear();
            version = requested;
            versioned = true;
            return null;
        }
        return sites.get(site);
    }

    /** Keeps what was loaded, unless another version replaced this one while it loaded. */
    private synchronized void keep(long loadedUnder, String site, Function<SiteRules, SiteRules> change) {
        if (versioned && loadedUnder == version) {
            sites.put(site, change.apply(sites.get(site)));
        }
    }
}
