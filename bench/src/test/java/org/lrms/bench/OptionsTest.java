package org.lrms.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {

    @Test
    void readsNamesAndValuesWithTheirDefaults() {
        Options options = Options.parse(new String[] {"--scale", "district", "--rate", "300", "--warmup", "0",
                "--seed", "7", "--report-loans", "20000000000"});
        assertEquals("district", options.get("scale"));
        assertEquals(300, options.integer("rate", 500));
        assertEquals(0, options.integer("warmup", 20));
        assertEquals(32, options.integer("desks", 32));
        assertNull(options.integer("titles"));
        assertEquals(7L, options.whole("seed", 1));
        assertEquals(20_000_000_000L, options.whole("report-loans", 0));
        assertTrue(options.has("scale"));
        assertFalse(options.has("scenarios"));
    }

    @Test
    void aMistypedOptionIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--scenario", "lookup"}));
        assertTrue(e.getMessage().startsWith("unknown option --scenario; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("--scenarios"), e.getMessage());
    }

    @Test
    void aNumberMustBeAWholeNumberInRange() {
        assertEquals("--rate must be a whole number, got 5OO",
                assertThrows(IllegalArgumentException.class,
                        () -> Options.parse(new String[] {"--rate", "5OO"})).getMessage());
        assertEquals("--desks must be 1 or more, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Options.parse(new String[] {"--desks", "0"})).getMessage());
        assertEquals("--duration must be 1 or more and at most 2147483647, got 9999999999",
                assertThrows(IllegalArgumentException.class,
                        () -> Options.parse(new String[] {"--duration", "9999999999"})).getMessage());
    }

    @Test
    void anOptionWithoutItsValueOrTwiceOrAStrayWordIsRefused() {
        assertEquals("--rate needs a value", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--rate", "--desks", "4"})).getMessage());
        assertEquals("--scale needs a value", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--scale"})).getMessage());
        assertEquals("--rate is given twice", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--rate", "1", "--rate", "2"})).getMessage());
        assertEquals("expected an option (--name value), got lookup", assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"lookup"})).getMessage());
    }
}
