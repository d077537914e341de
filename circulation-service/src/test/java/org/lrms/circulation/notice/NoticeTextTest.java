package org.lrms.circulation.notice;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void secondAndFinalOverdueNoticesSayWhenBorrowingIsBlocked() {
        java.time.LocalDate due = java.time.LocalDate.of(2026, 10, 1);
        NoticeText.Text second = NoticeText.of("OVERDUE", 2, false, "en", "Ana", "Holes", due, null, null);
        assertEquals("Second overdue notice", second.subject());
        assertTrue(second.body().contains("10/1/2026"), second.body());
        assertFalse(second.body().contains("cannot borrow"), second.body());
        NoticeText.Text last = NoticeText.of("OVERDUE", 3, true, "en", "Ana", "Holes", due, null, null);
        assertEquals("Final overdue notice", last.subject());
        assertTrue(last.body().contains("final notice") && last.body().contains("cannot borrow"), last.body());
        NoticeText.Text ultimo = NoticeText.of("OVERDUE", 3, true, "es", "Ana", "Holes", due, null, null);
        assertEquals("Último aviso de libro atrasado", ultimo.subject());
        assertTrue(ultimo.body().contains("1/10/2026") && ultimo.body().contains("no podrás sacar"), ultimo.body());
        assertEquals("Segundo aviso de libro atrasado",
                NoticeText.of("OVERDUE", 2, false, "es", "Ana", null, due, null, null).subject());
        NoticeText.Text firstBlocking = NoticeText.of("OVERDUE", 1, true, "en", "Ana", "Holes", due, null, null);
        assertEquals("Overdue notice", firstBlocking.subject());
        assertTrue(firstBlocking.body().endsWith("you cannot borrow other items."), firstBlocking.body());
    }

    @Test
    void fineNoticesNameTheAmountAndTheKindInBothLanguages() {
        NoticeText.Text en = NoticeText.of("FINE", 1, false, "en", "Ana", "Holes", null,
                new java.math.BigDecimal("2.5"), "OVERDUE");
        assertEquals("Library fee", en.subject());
        assertTrue(en.body().contains("$2.50 (overdue fine) for \"Holes\""), en.body());
        NoticeText.Text es = NoticeText.of("FINE", 1, false, "es", "Ana", null, null,
                new java.math.BigDecimal("64.10"), "TEXTBOOK");
        assertEquals("Cargo en tu cuenta de la biblioteca", es.subject());
        assertTrue(es.body().contains("$64.10 (libro de texto)"), es.body());
    }
}
