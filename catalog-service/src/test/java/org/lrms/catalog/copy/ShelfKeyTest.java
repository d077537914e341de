package org.lrms.catalog.copy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShelfKeyTest {

    /** Sorts by key, comparing as PostgreSQL's "C" collation does (UTF-8 bytes; for these keys the same as code points). */
    private static List<String> shelved(List<String> callNumbers) {
        List<String> shuffled = new ArrayList<>(callNumbers);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.sort(Comparator.comparing(ShelfKey::of, ShelfKeyTest::byCodePoint));
        return shuffled;
    }

    private static int byCodePoint(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static boolean inRange(String callNumber, String from, String to) {
        String key = ShelfKey.of(callNumber);
        return byCodePoint(key, ShelfKey.of(from)) >= 0 && byCodePoint(key, ShelfKey.upTo(to)) < 0;
    }

    @Test
    void deweyNumbersSortAsNumbersWithTheirDecimalsThenTheCutter() {
        List<String> shelf = List.of("001.9 ALI", "5 SMA", "30 ABC", "398.2 GRI", "398.209 AND", "398.21 BRO",
                "599", "599 LIO", "599.7 CAT", "599.75 LIO", "599.75 LIO 2004", "599.75 LIONS", "599.757 TIG",
                "599.8 ABC", "600 A", "636.7 DOG", "636.70 DOG", "973.7 LIN", "999 ZZZ");
        assertEquals(List.of("001.9 ALI", "5 SMA", "30 ABC", "398.2 GRI", "398.209 AND", "398.21 BRO", "599",
                "599 LIO", "599.7 CAT", "599.75 LIO", "599.75 LIO 2004", "599.75 LIONS", "599.757 TIG", "599.8 ABC",
                "600 A", "636.7 DOG", "636.70 DOG", "973.7 LIN", "999 ZZZ"), shelved(shelf));
    }

    @Test
    void theTextOrderMistakesAreGone() {
        assertTrue(byCodePoint(ShelfKey.of("92 LIN"), ShelfKey.of("599")) > 0, "biographies shelve as B");
        assertTrue(byCodePoint(ShelfKey.of("30 ABC"), ShelfKey.of("100 ABC")) < 0, "30 is 030, before 100");
        assertTrue(byCodePoint(ShelfKey.of("599.75 LIO"), ShelfKey.of("599.8 ABC")) < 0);
        assertTrue(byCodePoint(ShelfKey.of("599.8 ABC"), ShelfKey.of("600 A")) < 0);
        assertTrue(byCodePoint(ShelfKey.of("599 ZOO"), ShelfKey.of("599.1 AAA")) < 0, "the class alone first");
    }

    @Test
    void prefixedCollectionsKeepTheirShelvesTogetherAfterTheNonFiction() {
        List<String> shelf = List.of("100 PHI", "999 ZZZ", "B LIN", "92 LIO", "B WAS", "E ADA", "E SEU",
                "FIC ALC", "FIC MAR", "FIC SAC", "FIC SAC 2", "FIC SAC 10", "REF 030 WOR", "REF 423 MER", "REF ATL");
        assertEquals(List.of("100 PHI", "999 ZZZ", "B LIN", "92 LIO", "B WAS", "E ADA", "E SEU", "FIC ALC",
                "FIC MAR", "FIC SAC", "FIC SAC 2", "FIC SAC 10", "REF 030 WOR", "REF 423 MER", "REF ATL"),
                shelved(shelf));
    }

    @Test
    void biographyIsBOr92() {
        assertEquals(ShelfKey.of("B LIN"), ShelfKey.of("92 LIN"));
        assertEquals(ShelfKey.of("B LIN"), ShelfKey.of("92 Lin"));
        assertFalse(ShelfKey.of("920 LIN").equals(ShelfKey.of("B LIN")), "920 is a Dewey class");
        assertFalse(ShelfKey.of("092 LIN").equals(ShelfKey.of("B LIN")), "092 is a Dewey class");
    }

    @Test
    void libraryOfCongressCallNumbers() {
        List<String> shelf = List.of("E184.5 .A1", "E184.6 .B2", "PR6005.O4 A6 1990", "PS3545.I345 Z5",
                "QA9 .A1", "QA76 .A1", "QA76.5 .B3", "QA76.73.J38 S65 2019", "QA76.73.J38 S7", "QA76.73.P98 L8",
                "QA76.8 .C2", "QA100 .D4", "QA1000 .E5", "QB43.2 .F6", "QE75 .G7");
        assertEquals(shelf, shelved(shelf));
        assertEquals("QA 0076.73 J38 S65 42019", ShelfKey.of("QA76.73.J38 S65 2019"));
    }

    @Test
    void libraryOfCongressWithASpaceAfterTheClassLettersIsTheSameCallNumber() {
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), ShelfKey.of("QA 76.73 .J38 2020"));
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), ShelfKey.of("QA 76.73.J38 2020"));
        assertEquals(ShelfKey.of("QA76.73.J38 2020"), ShelfKey.of("qa 76.73 .j38 2020"));
        assertEquals(ShelfKey.of("QA76 .A1"), ShelfKey.of("QA 76 .A1"));
        assertEquals(ShelfKey.of("E184.5 .A1"), ShelfKey.of("E 184.5 .A1"));
        assertEquals(ShelfKey.of("PR6005.O4 A6 1990"), ShelfKey.of("PR 6005 .O4 A6 1990"));
        List<String> written = List.of("QA 9 .A1", "QA76 .A1", "QA 76.5 .B3", "QA76.73.J38 2020",
                "QA 76.73 .J38 S65 2019", "QA 76.8 .C2", "QA100 .D4", "QA 1000 .E5");
        assertEquals(written, shelved(written));
        assertTrue(inRange("QA 76.73 .J38 2020", "QA76", "QA76.9"));
        assertTrue(inRange("QA 76.73 .J38 2020", "QA76.73 .J38", "QA76.73 .J38"));
    }

    @Test
    void libraryOfCongressSpacedWithoutADottedCutterWhereNothingElseIsMeant() {
        assertEquals(ShelfKey.of("QA76.73 .J38"), ShelfKey.of("QA 76.73 J38"));
        assertEquals(ShelfKey.of("QA76.73.J38 S65 2019"), ShelfKey.of("QA 76.73 J38 S65 2019"));
        assertEquals(ShelfKey.of("QA76"), ShelfKey.of("QA 76"));
        assertEquals(ShelfKey.of("QA76.9"), ShelfKey.of("qa 76.9"));
        assertEquals(ShelfKey.of("PR6005.O4 A6 1990"), ShelfKey.of("PR 6005 O4 A6 1990"));
        assertEquals(ShelfKey.of("DJK49 .B4"), ShelfKey.of("DJK 49 B4"));
        assertEquals(ShelfKey.of("KF4550 .Z9"), ShelfKey.of("KF 4550 Z9"));
        assertEquals("QA 0076", ShelfKey.of("QA 76"));
        // bare range bounds written with the space now bound LC ranges
        assertTrue(inRange("QA76.73.J38 S65 2019", "QA 76", "QA 76.9"));
        assertTrue(inRange("QA 76.73 J38 2020", "QA 76", "QA 76"));
        assertFalse(inRange("QA100 .D4", "QA 76", "QA 76.9"));
        assertFalse(inRange("076.73 ABC", "QA 76", "QA 76.9"), "not Dewey 076.73 any more");
        List<String> written = List.of("QA 9 A1", "QA 76", "QA76 .A1", "QA 76.5 B3", "QA76.73.J38 2020",
                "QA 76.73 J38 S65 2019", "QA 76.8 C2", "QA 100 D4", "QB 43.2 F6");
        assertEquals(written, shelved(written));
    }

    @Test
    void spacedWithoutADottedCutterStaysAPrefixWhenItCanBeOne() {
        // school prefixes that are LC classes too: biography, easy, fiction, juvenile, reference, teacher...
        assertEquals("J 599.75", ShelfKey.of("J 599.75"));
        assertEquals("J 599.75 L56", ShelfKey.of("J 599.75 L56"));
        assertEquals("E 123 SMI", ShelfKey.of("E 123 SMI"));
        assertEquals("E 123 S65", ShelfKey.of("E 123 S65"));
        assertEquals("B 092 L56", ShelfKey.of("B 92 L56"));
        assertEquals("R 423 M47", ShelfKey.of("R 423 M47"));
        assertEquals("GN 741.5 S65", ShelfKey.of("GN 741.5 S65"));
        // letters LC has no class for
        assertEquals("REF 423 M47", ShelfKey.of("REF 423 M47"));
        assertEquals("BIO 921 L56", ShelfKey.of("BIO 921 L56"));
        assertEquals("SC 808.8 A1", ShelfKey.of("SC 808.8 A1"));
        assertEquals("FIC 002", ShelfKey.of("FIC 2"));
        assertEquals("YA 813.54 S65", ShelfKey.of("YA 813.54 S65"));
        // what follows the number is no cutter, or the number has a leading zero
        assertEquals("CD 782.42 SMI", ShelfKey.of("CD 782.42 SMI"));
        assertEquals("QA 076.73", ShelfKey.of("QA 076.73"));
        assertEquals("ML 410 BEETHOVEN", ShelfKey.of("ML 410 BEETHOVEN"));
        assertEquals(ShelfKey.of("ML410 .B4"), ShelfKey.of("ML 410 B4"));
    }

    @Test
    void prefixesFollowedByANumberStayPrefixes() {
        // no dotted cutter, a leading zero, or letters LC has no class for: a prefixed shelf, not LC
        assertEquals("REF 030 WOR", ShelfKey.of("REF 030 WOR"));
        assertEquals("E 123 SMI", ShelfKey.of("E 123 SMI"));
        assertEquals("J 599.75 LIO", ShelfKey.of("J 599.75 LIO"));
        // J is the juvenile collection's prefix: its shelf sorts by Dewey number among the other J books
        assertTrue(ShelfKey.of("J 599 ADA").compareTo(ShelfKey.of("J 599.75 .L56")) < 0);
        assertTrue(ShelfKey.of("J 599.75 .L56").compareTo(ShelfKey.of("J 600 ADA")) < 0);
        assertTrue(ShelfKey.of("YA 813.54 .S65").startsWith("YA 813.54 "), "LC has no class Y");
        assertTrue(ShelfKey.of("REF 030 .W6").startsWith("REF 030 "), "030 has a leading zero: Dewey");
    }

    @Test
    void cuttersAreDecimals() {
        // .S65 comes before .S7 on the shelf: the digits of a cutter are read as a decimal fraction
        assertTrue(byCodePoint(ShelfKey.of("813.54 S65"), ShelfKey.of("813.54 S7")) < 0);
        assertTrue(byCodePoint(ShelfKey.of("QA76.73.J38 S65"), ShelfKey.of("QA76.73.J38 S7")) < 0);
    }

    @Test
    void caseAccentsAndPunctuationDoNotCount() {
        assertEquals(ShelfKey.of("FIC SAC"), ShelfKey.of("  fic   sac "));
        assertEquals(ShelfKey.of("FIC SAC"), ShelfKey.of("Fic/Sac"));
        assertEquals(ShelfKey.of("599.75 LIO"), ShelfKey.of("599.75 [LIO]"));
        assertEquals(ShelfKey.of("FIC GARCIA"), ShelfKey.of("FIC García"));
        assertEquals(ShelfKey.of("FIC ДОС"), ShelfKey.of("fic дос"));
        assertNull(ShelfKey.of(null));
        assertNull(ShelfKey.of("   "));
        assertNull(ShelfKey.of("--"));
    }

    @Test
    void numbersInTheRestSortAsNumbers() {
        List<String> shelf = List.of("FIC ROW v.2", "FIC ROW v.10", "FIC ROW 1999", "FIC ROW 2019");
        assertEquals(List.of("FIC ROW 1999", "FIC ROW 2019", "FIC ROW v.2", "FIC ROW v.10"), shelved(shelf));
        assertTrue(byCodePoint(ShelfKey.of("X 007"), ShelfKey.of("X 10")) < 0, "leading zeros do not count");
    }

    @Test
    void rangesIncludeEverythingThatStartsWithTheirEnd() {
        assertTrue(inRange("599.75 LIO", "599", "599.99"));
        assertTrue(inRange("599 LIO", "599", "599.99"));
        assertTrue(inRange("599.99 ZZZ", "599", "599.99"));
        assertFalse(inRange("600 A", "599", "599.99"));
        assertFalse(inRange("598.9 BIR", "599", "599.99"));
        assertTrue(inRange("599.75 LIO", "599", "599"), "599 to 599 is the whole 599 shelf");
        assertFalse(inRange("92 LIN", "500", "599.99"));
        assertTrue(inRange("FIC MAR", "FIC A", "FIC M"));
        assertTrue(inRange("FIC ALC", "FIC A", "FIC M"));
        assertFalse(inRange("FIC NOR", "FIC A", "FIC M"));
        assertFalse(inRange("599.75 LIO", "FIC A", "FIC M"));
        assertTrue(inRange("QA76.73.J38 S65 2019", "QA76", "QA76.9"));
        assertFalse(inRange("QA100 .D4", "QA76", "QA76.9"));
    }
}
