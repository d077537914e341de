package org.lrms.circulation.notice;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoticeTextTest {

    @Test
    void overdueNoticeInEnglish() {
        NoticeText.Text text = NoticeText.of("OVERDUE", "en", "Ana Lopez", "Holes", LocalDate.of(2026, 11, 3));
        assertEquals("Overdue notice", text.subject());
        assertEquals("Hello Ana Lopez: \"Holes\" was due on 11/3/2026. Please return it to the library.",
                text.body());
    }

    @Test
    void overdueNoticeInSpanish() {
        NoticeText.Text text = NoticeText.of("OVERDUE", "es", "Ana Lopez", "Holes", LocalDate.of(2026, 11, 3));
        assertEquals("Aviso de libro atrasado", text.subject());
        assertTrue(text.body().contains("debía devolverse el 3/11/2026"), text.body());
    }

    @Test
    void holdAndLostNoticesInBothLanguages() {
        assertEquals("Your hold is available", NoticeText.of("HOLD_AVAILABLE", "en", "A", null, null).subject());
        assertEquals("Tu reserva está disponible", NoticeText.of("HOLD_AVAILABLE", "es", "A", null, null).subject());
        assertEquals("Libro declarado perdido", NoticeText.of("LOST", "es", "A", "X", null).subject());
        assertThrows(IllegalArgumentException.class, () -> NoticeText.of("BIRTHDAY", "en", "A", null, null));
    }
}
