package org.lrms.catalog.copy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CirculationMoveTest {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static CirculationMove.State at(CopyStatus status, UUID hold, Instant time) {
        return new CirculationMove.State(status, "LHS", null, hold, time);
    }

    static CirculationMove.State after(CirculationMove.State s, java.util.Optional<CirculationMove.Outcome> move) {
        return move.map(CirculationMove.Outcome::state).orElse(s);
    }

    @Test
    void aFilledHoldPutsTheCopyOnTheHoldShelfOrInTransitToThePickupSite() {
        CirculationMove.State shelf = CirculationMove.holdFilled(at(CopyStatus.AVAILABLE, null, null), T0, A, true,
                "LHS").orElseThrow().state();
        assertEquals(CopyStatus.ON_HOLD_SHELF, shelf.status());
        assertEquals(A, shelf.holdId());
        assertEquals(T0, shelf.circulationAt());
        CirculationMove.State transit = CirculationMove.holdFilled(at(CopyStatus.AVAILABLE, null, null), T0, A, false,
                "RMS").orElseThrow().state();
        assertEquals(CopyStatus.IN_TRANSIT, transit.status());
        assertEquals("RMS", transit.destinationSite());
    }

    @Test
    void anExpiredOrCancelledHoldReleasesItsCopyHomeOrBackInTransit() {
        CirculationMove.State shelf = at(CopyStatus.ON_HOLD_SHELF, A, T0);
        CirculationMove.Outcome home = CirculationMove.holdEnded(shelf, T0.plusSeconds(60), A, "LHS", "expired")
                .orElseThrow();
        assertEquals(CopyStatus.AVAILABLE, home.state().status());
        assertNull(home.state().holdId());
        assertEquals("hold expired", home.reason());
        CirculationMove.State away = CirculationMove.holdEnded(shelf, T0.plusSeconds(60), A, "RMS", "cancelled")
                .orElseThrow().state();
        assertEquals(CopyStatus.IN_TRANSIT, away.status());
        assertEquals("LHS", away.destinationSite(), "back to its own school");
    }

    @Test
    void theEndOfAnotherHoldChangesNothing() {
        assertTrue(CirculationMove.holdEnded(at(CopyStatus.ON_HOLD_SHELF, B, T0), T0.plusSeconds(1), A, "LHS",
                "expired").isEmpty(), "the copy went on to the next hold");
        assertTrue(CirculationMove.holdEnded(at(CopyStatus.CHECKED_OUT, null, T0), T0.plusSeconds(1), A, "LHS",
                "cancelled").isEmpty(), "the holder borrowed it");
        assertTrue(CirculationMove.holdEnded(at(CopyStatus.WITHDRAWN, A, T0), T0.plusSeconds(1), A, "LHS",
                "expired").isEmpty());
    }

    @Test
    void aLateHoldFilledNeverUndoesTheHoldersLoan() {
        CirculationMove.State lent = at(CopyStatus.CHECKED_OUT, null, T0.plusSeconds(600));
        assertTrue(CirculationMove.holdFilled(lent, T0, A, true, "LHS").isEmpty());
    }

    @Test
    void aLateLoanEventNeverUndoesANewerState() {
        CirculationMove.State shelf = at(CopyStatus.ON_HOLD_SHELF, A, T0.plusSeconds(600));
        assertTrue(CirculationMove.loan(shelf, T0, CopyStatus.AVAILABLE, "checked in").isEmpty());
        CirculationMove.State out = CirculationMove.loan(shelf, T0.plusSeconds(601), CopyStatus.CHECKED_OUT,
                "checked out").orElseThrow().state();
        assertEquals(CopyStatus.CHECKED_OUT, out.status());
        assertNull(out.holdId(), "a loan ends the set-aside");
    }

    @Test
    void theCheckInAndItsHoldFilledAgreeInEitherOrder() {
        // one check-in: HoldFilled written a moment before LoanClosed(ON_HOLD_SHELF)
        Instant filledAt = T0;
        Instant closedAt = T0.plusNanos(3000);
        CirculationMove.State lent = at(CopyStatus.CHECKED_OUT, null, T0.minusSeconds(3600));

        CirculationMove.State holdFirst = after(lent, CirculationMove.holdFilled(lent, filledAt, A, true, "LHS"));
        holdFirst = after(holdFirst, CirculationMove.loan(holdFirst, closedAt, CopyStatus.ON_HOLD_SHELF, "checked in"));

        CirculationMove.State loanFirst = after(lent, CirculationMove.loan(lent, closedAt, CopyStatus.ON_HOLD_SHELF,
                "checked in"));
        loanFirst = after(loanFirst, CirculationMove.holdFilled(loanFirst, filledAt, A, true, "LHS"));

        assertEquals(holdFirst, loanFirst);
        assertEquals(A, loanFirst.holdId());
        assertEquals(CopyStatus.ON_HOLD_SHELF, loanFirst.status());
        // and so the hold's expiry later releases it
        assertEquals(CopyStatus.AVAILABLE, CirculationMove.holdEnded(loanFirst, T0.plusSeconds(86400), A, "LHS",
                "expired").orElseThrow().state().status());
    }

    @Test
    void inTransitForAHoldKeepsItsDestinationWhenTheLoanClosesAfter() {
        CirculationMove.State lent = at(CopyStatus.CHECKED_OUT, null, T0.minusSeconds(3600));
        CirculationMove.State filled = after(lent, CirculationMove.holdFilled(lent, T0, A, false, "RMS"));
        CirculationMove.State closed = after(filled, CirculationMove.loan(filled, T0.plusNanos(1000),
                CopyStatus.IN_TRANSIT, "checked in"));
        assertEquals("RMS", closed.destinationSite());
        assertEquals(A, closed.holdId());
        CirculationMove.State noHold = after(lent, CirculationMove.loan(lent, T0, CopyStatus.IN_TRANSIT, "checked in"));
        assertEquals("LHS", noHold.destinationSite(), "returned at another school: on its way home");
    }

    @Test
    void expiryThenTheNextHoldInEitherOrder() {
        // circulation expires hold A and sets the copy aside for hold B in one transaction
        CirculationMove.State shelfA = at(CopyStatus.ON_HOLD_SHELF, A, T0);
        Instant expiredAt = T0.plusSeconds(86400);
        Instant filledAt = expiredAt.plusNanos(2000);

        CirculationMove.State inOrder = after(shelfA, CirculationMove.holdEnded(shelfA, expiredAt, A, "LHS", "expired"));
        inOrder = after(inOrder, CirculationMove.holdFilled(inOrder, filledAt, B, true, "LHS"));

        CirculationMove.State reversed = after(shelfA, CirculationMove.holdFilled(shelfA, filledAt, B, true, "LHS"));
        reversed = after(reversed, CirculationMove.holdEnded(reversed, expiredAt, A, "LHS", "expired"));

        assertEquals(inOrder, reversed);
        assertEquals(B, reversed.holdId());
        assertEquals(CopyStatus.ON_HOLD_SHELF, reversed.status());
    }

    @Test
    void aCancelledHoldOnTheWayTravelsOnHome() {
        CirculationMove.State transit = new CirculationMove.State(CopyStatus.IN_TRANSIT, "LHS", "RMS", A, T0);
        CirculationMove.State next = CirculationMove.holdEnded(transit, T0.plusSeconds(5), A, "RMS", "cancelled")
                .orElseThrow().state();
        assertEquals(CopyStatus.IN_TRANSIT, next.status());
        assertEquals("LHS", next.destinationSite());
        assertNull(next.holdId());
    }
}
