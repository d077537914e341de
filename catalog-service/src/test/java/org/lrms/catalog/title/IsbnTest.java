package org.lrms.catalog.title;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsbnTest {

    @ParameterizedTest
    @ValueSource(strings = {"0440414806", "0-440-41480-6", "9780440414803", "978-0-440-41480-3", "080442957X",
            "080442957x", "9791032305690", " 978 0 440 41480 3 "})
    void acceptsValidIsbns(String isbn) {
        assertTrue(Isbn.isValid(isbn), isbn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0440414807", "9780440414804", "978044041480", "97804404148033", "X440414806",
            "9770440414806", "abcdefghij", "", "04404148O6"})
    void refusesBadCheckDigitsLengthsAndCharacters(String isbn) {
        assertFalse(Isbn.isValid(isbn), isbn);
    }

    @Test
    void isbn10AndIsbn13OfOneBookAreTheSameBook() {
        assertEquals(Optional.of("9780440414803"), Isbn.toIsbn13("0-440-41480-6"));
        assertEquals(Optional.of("9780804429573"), Isbn.toIsbn13("080442957X"));
        assertTrue(Isbn.sameBook("0440414806", "978-0-440-41480-3"));
        assertFalse(Isbn.sameBook("0440414806", "9780804429573"));
        assertFalse(Isbn.sameBook("0440414807", "0440414807"));
    }

    @Test
    void readsIsbnsOutOfMarcSubfields() {
        assertEquals(Optional.of("0786808772"), Isbn.fromMarc("0786808772 (lib. bdg.)"));
        assertEquals(Optional.of("9780439023481"), Isbn.fromMarc("9780439023481 :"));
        assertEquals(Optional.empty(), Isbn.fromMarc("(pbk.)"));
        assertEquals(Optional.empty(), Isbn.fromMarc(null));
    }
}
