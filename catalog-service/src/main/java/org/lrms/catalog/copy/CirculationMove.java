package org.lrms.catalog.copy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What circulation's loan and hold events do to a copy, in whatever order they arrive. Loans and holds travel on
 * different topics (and each hold on its own key), so a late event must never undo a newer state: each copy keeps the
 * time of the newest circulation event it applied ({@code circulationAt}) and an older event is ignored, and a copy
 * set aside for a hold remembers which hold ({@code holdId}), so that the end of one hold never releases a copy that
 * has since gone to a loan or to the next hold.
 */
public final class CirculationMove {

    /** The part of a copy that circulation moves. {@code siteCode} is the copy's home site. */
    public record State(CopyStatus status, String siteCode, String destinationSite, UUID holdId,
                        Instant circulationAt) {
    }

    /** The new state and why, for the copy's {@code CopyStatusChanged}. */
    public record Outcome(State state, String reason) {
    }

    private CirculationMove() {
    }

    /**
     * A loan event: checked out, back (to the shelf, the hold shelf, or in transit), or lost. When the copy goes to
     * the hold shelf or in transit, the hold it goes for is named by the hold's own {@code HoldFilled}, which may
     * arrive before or after this event: a hold already named is kept.
     */
    public static Optional<Outcome> loan(State s, Instant at, CopyStatus next, String reason) {
        if (s.status() == CopyStatus.WITHDRAWN || older(s, at)) {
            return Optional.empty();
        }
        boolean forHold = next == CopyStatus.ON_HOLD_SHELF || next == CopyStatus.IN_TRANSIT;
        UUID hold = forHold ? s.holdId() : null;
        String destination = null;
        if (next == CopyStatus.IN_TRANSIT) {
            // in transit for a hold: the hold said where; otherwise home, from the desk where it was returned
            destination = hold != null && s.status() == CopyStatus.IN_TRANSIT && s.destinationSite() != null
                    ? s.destinationSite() : s.siteCode();
        }
        return Optional.of(new Outcome(new State(next, s.siteCode(), destination, hold, at), reason));
    }

    /** {@code HoldFilled}: the copy was set aside for a hold, on the pickup site's hold shelf or on its way there. */
    public static Optional<Outcome> holdFilled(State s, Instant at, UUID holdId, boolean onShelf, String pickupSite) {
        if (s.status() == CopyStatus.WITHDRAWN) {
            return Optional.empty();
        }
        CopyStatus next = onShelf ? CopyStatus.ON_HOLD_SHELF : CopyStatus.IN_TRANSIT;
        String destination = onShelf ? null : pickupSite;
        String reason = onShelf ? "on the hold shelf at " + pickupSite : "in transit to " + pickupSite + " for a hold";
        if (older(s, at)) {
            // the check-in's LoanClosed, a moment later, already moved the copy there without naming the hold
            if (s.status() == next && s.holdId() == null) {
                return Optional.of(new Outcome(new State(next, s.siteCode(), destination, holdId, s.circulationAt()),
                        reason));
            }
            return Optional.empty();
        }
        return Optional.of(new Outcome(new State(next, s.siteCode(), destination, holdId, at), reason));
    }

    /**
     * {@code HoldExpired} (expired or cancelled): only when the copy is still set aside for that hold. From the hold
     * shelf it goes back on the shelf, or back home in transit when the pickup site was another school; a copy still
     * on its way to the pickup site travels on, now for no hold (circulation routes it when it arrives).
     */
    public static Optional<Outcome> holdEnded(State s, Instant at, UUID holdId, String pickupSite, String why) {
        if (s.status() == CopyStatus.WITHDRAWN || !holdId.equals(s.holdId())) {
            return Optional.empty();
        }
        Instant time = older(s, at) ? s.circulationAt() : at;
        if (s.status() == CopyStatus.ON_HOLD_SHELF) {
            boolean home = pickupSite == null || Objects.equals(pickupSite, s.siteCode());
            return Optional.of(new Outcome(new State(home ? CopyStatus.AVAILABLE : CopyStatus.IN_TRANSIT,
                    s.siteCode(), home ? null : s.siteCode(), null, time),
                    "hold " + why + (home ? "" : "; back to " + s.siteCode())));
        }
        if (s.status() == CopyStatus.IN_TRANSIT) {
            return Optional.of(new Outcome(new State(s.status(), s.siteCode(), s.siteCode(), null, time),
                    "hold " + why + " on the way; back to " + s.siteCode()));
        }
        // staff had already moved it by hand: only the hold is forgotten
        return Optional.of(new Outcome(new State(s.status(), s.siteCode(), s.destinationSite(), null, time), null));
    }

    private static boolean older(State s, Instant at) {
        return s.circulationAt() != null && at.isBefore(s.circulationAt());
    }
}
