package org.lrms.circulation.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a notice, in English or Spanish by the patron's language. Plain Java, unit-tested. */
public final class NoticeText {

    public record Text(String subject, String body) {
    }

    private NoticeText() {
    }

    public static Text of(String kind, String language, String patronName, String title, LocalDate date) {
        boolean es = "es".equalsIgnoreCase(language);
        String when = date == null ? "" : date.format(DateTimeFormatter.ofPattern(es ? "d/M/yyyy" : "M/d/yyyy",
                es ? Locale.forLanguageTag("es") : Locale.US));
        String item = title == null ? (es ? "un libro" : "a book") : "\"" + title + "\"";
        return switch (kind) {
            case "OVERDUE" -> es
                    ? new Text("Aviso de libro atrasado",
                    "Hola " + patronName + ": " + item + " debía devolverse el " + when
                            + ". Por favor, devuélvelo a la biblioteca.")
                    : new Text("Overdue notice",
                    "Hello " + patronName + ": " + item + " was due on " + when
                            + ". Please return it to the library.");
            case "LOST" -> es
                    ? new Text("Libro declarado perdido",
                    "Hola " + patronName + ": " + item + " se ha declarado perdido. Si lo encuentras, "
                            + "devuélvelo y se te reembolsará el costo de reposición.")
                    : new Text("Item declared lost",
                    "Hello " + patronName + ": " + item + " has been declared lost. If you find it, return it "
                            + "and the replacement cost will be refunded.");
            case "HOLD_AVAILABLE" -> es
                    ? new Text("Tu reserva está disponible",
                    "Hola " + patronName + ": " + item + " te espera en la biblioteca hasta el " + when + ".")
                    : new Text("Your hold is available",
                    "Hello " + patronName + ": " + item + " is waiting for you at the library until " + when + ".");
            default -> throw new IllegalArgumentException("no notice text for " + kind);
        };
    }
}
