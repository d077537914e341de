package org.lrms.reporting.collection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeweyClassTest {

    @ParameterizedTest
    @CsvSource({
            "599.75, 500",
            "'  004.1 ', 000",
            "973, 900",
            "100, 100",
            "FIC SAC, FIC",
            "fic, FIC",
            "E SEN, E",
            "B LIN, B",
            "REF 503.2, 500",
            "R 030, 000",
            "'', UNCLASSIFIED",
            "12, UNCLASSIFIED",
            "'#!', UNCLASSIFIED"
    })
    void classOfADeweyNumberOrCallNumber(String number, String expected) {
        assertEquals(expected, DeweyClass.of(number));
    }

    @Test
    void nullIsUnclassified() {
        assertEquals(DeweyClass.UNCLASSIFIED, DeweyClass.of(null));
    }

    @Test
    void labelsNameTheHundredsAndTheCommonPrefixes() {
        assertEquals("Science", DeweyClass.label("500"));
        assertEquals("History and geography", DeweyClass.label("900"));
        assertEquals("Fiction", DeweyClass.label("FIC"));
        assertEquals("Unclassified", DeweyClass.label(DeweyClass.UNCLASSIFIED));
        assertEquals("GN", DeweyClass.label("GN"));
    }
}
