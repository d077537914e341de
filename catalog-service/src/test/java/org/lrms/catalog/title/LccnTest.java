package org.lrms.catalog.title;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** LC's own examples (https://www.loc.gov/marc/lccn-namespace.html, "Normalization"), and the brief's. */
class LccnTest {

    @Test
    void lcsExamplesNormalizeAsLcSays() {
        assertEquals("n78890351", Lccn.normalize("n78-890351"));
        assertEquals("n78089035", Lccn.normalize("n78-89035"));
        assertEquals("n78890351", Lccn.normalize("n 78890351 "));
        assertEquals("85000002", Lccn.normalize(" 85000002 "));
        assertEquals("85000002", Lccn.normalize("85-2 "));
        assertEquals("2001000002", Lccn.normalize("2001-000002"));
        assertEquals("75425165", Lccn.normalize("75-425165//r75"));
        assertEquals("79139101", Lccn.normalize(" 79139101 /AC/r932"));
    }

    @Test
    void yearsOfFourDigitsAndPrefixLettersAreKept() {
        assertEquals("2001012345", Lccn.normalize("2001-12345"));
        assertEquals("n79021164", Lccn.normalize("n 79-21164"));
        assertEquals("sh85012345", Lccn.normalize("sh 85-12345"));
        assertEquals("n79021164", Lccn.normalize("N 79-21164"), "prefixes are LC's lower-case letters");
        assertEquals("2001012345", Lccn.normalize("2001012345"), "a normalized LCCN stays as it is");
    }

    @Test
    void whatIsNoLccnIsKeptWithoutItsBlanksAndBlankIsNothing() {
        assertEquals("ABC-12X", Lccn.normalize(" ABC-12X"));
        assertEquals("75-1234567", Lccn.normalize("75-1234567"), "more than six serial digits: not LC's form");
        assertNull(Lccn.normalize("   "));
        assertNull(Lccn.normalize(null));
    }
}
