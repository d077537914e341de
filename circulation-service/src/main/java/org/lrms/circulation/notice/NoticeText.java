package org.lrms.circulation.notice;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        return of(kind, 1, false, language, patronName, title, date, null, null);
    }

    /**
     * A notice of any kind: {@code stage} and {@code blocks} for overdue notices (2: second notice, 3: final notice;
     * a blocking stage says that borrowing is blocked until the item is returned), {@code amount} and
     * {@code feeKind} for fine notices.
     */
    public static Text of(String kind, int stage, boolean blocks, String language, String patronName, String title,
                          LocalDate date, BigDecimal amount, String feeKind) {
        boolean es = "es".equalsIgnoreCase(language);
        if ("OVERDUE".equals(kind) && stage > 1) {
            return laterOverdue(stage, blocks, es, patronName, title, when(date, es));
        }
        if ("OVERDUE".equals(kind) && blocks) {
            Text first = of(kind, 1, false, language, patronName, title, date, null, null);
            return new Text(first.subject(), first.body() + block(es));
        }
        if ("FINE".equals(kind)) {
            return fine(es, patronName, title, amount, feeKind);
        }
        String when = when(date, es);
        String item = item(title, es);
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

    private static Text laterOverdue(int stage, boolean blocks, boolean es, String name, String title, String when) {
        String item = item(title, es);
        boolean last = stage >= 3;
        Text text = es
                ? new Text(last ? "Último aviso de libro atrasado" : "Segundo aviso de libro atrasado",
                "Hola " + name + ": " + item + " debía devolverse el " + when + " y todavía no ha vuelto. "
                        + (last ? "Este es el último aviso. " : "")
                        + "Por favor, devuélvelo a la biblioteca cuanto antes.")
                : new Text(last ? "Final overdue notice" : "Second overdue notice",
                "Hello " + name + ": " + item + " was due on " + when + " and has not come back yet. "
                        + (last ? "This is the final notice. " : "")
                        + "Please return it to the library as soon as possible.");
        return blocks ? new Text(text.subject(), text.body() + block(es)) : text;
    }

    private static String block(boolean es) {
        return es ? " Hasta que lo devuelvas, no podrás sacar otros libros."
                : " Until it is returned, you cannot borrow other items.";
    }

    private static Text fine(boolean es, String name, String title, BigDecimal amount, String feeKind) {
        String money = amount == null ? "" : "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        String what = feeWords(feeKind, es);
        String about = title == null ? "" : (es ? " por " : " for ") + "\"" + title + "\"";
        return es
                ? new Text("Cargo en tu cuenta de la biblioteca",
                "Hola " + name + ": se ha cargado " + money + " (" + what + ")" + about
                        + " a tu cuenta de la biblioteca. Puedes pagarlo en la biblioteca de tu escuela.")
                : new Text("Library fee",
                "Hello " + name + ": a fee of " + money + " (" + what + ")" + about
                        + " was charged to your library account. You can pay it at your school library.");
    }

    private static String feeWords(String feeKind, boolean es) {
        if (feeKind == null) {
            return es ? "cargo" : "fee";
        }
        return switch (feeKind) {
            case "OVERDUE" -> es ? "multa por retraso" : "overdue fine";
            case "DAMAGED" -> es ? "libro dañado" : "damaged item";
            case "TEXTBOOK" -> es ? "libro de texto" : "textbook";
            case "PROCESSING" -> es ? "gastos de tramitación" : "processing";
            case "LOST" -> es ? "libro perdido" : "lost item";
            default -> es ? "otro cargo" : "other fee";
        };
    }

    private static String when(LocalDate date, boolean es) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern(es ? "d/M/yyyy" : "M/d/yyyy",
                es ? Locale.forLanguageTag("es") : Locale.US));
    }

    private static String item(String title, boolean es) {
        return title == null ? (es ? "un libro" : "a book") : "\"" + title + "\"";
    }
}
