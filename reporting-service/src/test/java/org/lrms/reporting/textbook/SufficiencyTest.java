package org.lrms.reporting.textbook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SufficiencyTest {

    @Test
    void copiesNeededAreStudentsTimesCopiesPerStudentAndTheShortfallWhatTheShelfAndTheStudentsDoNotCover() {
        Sufficiency s = Sufficiency.of(30, 2, 25, 20);
        assertEquals(60, s.needed());
        assertEquals(45, s.usable());
        assertEquals(15, s.shortfall());
        assertFalse(s.sufficient());
    }

    @Test
    void moreCopiesThanNeededIsNoNegativeShortfall() {
        Sufficiency s = Sufficiency.of(10, 1, 40, 0);
        assertEquals(0, s.shortfall());
        assertTrue(s.sufficient());
        assertTrue(Sufficiency.of(0, 1, 0, 0).sufficient());
    }
}
