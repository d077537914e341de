package org.lrms.catalog.copy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a copy is in its life. The API and the events spell them upper-case with underscores ({@code CHECKED_OUT}).
 */
public enum CopyStatus {
    AVAILABLE, CHECKED_OUT, ON_HOLD_SHELF, IN_TRANSIT, IN_PROCESSING, MISSING, LOST, DAMAGED, WITHDRAWN;

    /** What staff may set by hand; the others follow from loans, transfers and withdrawal. */
    public static final Set<CopyStatus> SET_BY_STAFF = Set.of(AVAILABLE, IN_PROCESSING, MISSING, LOST, DAMAGED);

    /** What a new copy may start as. */
    public static final Set<CopyStatus> INITIAL = Set.of(AVAILABLE, IN_PROCESSING);

    public static Optional<CopyStatus> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
