package org.lrms.reporting.collection;

import java.util.Locale;
import java.util.Map;

/**
 * The Dewey hundreds a call number or Dewey number falls in ({@code 599.75} → {@code 500}), or the library's
 * non-Dewey prefix ({@code FIC}, {@code E}, {@code B}, {@code REF}...) when it starts with letters. Reports group
 * copies, titles and loans by it.
 */
public final class DeweyClass {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    private static final Map<String, String> LABELS = Map.of(
            "000", "Computer science, information and general works",
            "100", "Philosophy and psychology",
            "200", "Religion",
            "300", "Social sciences",
            "400", "Language",
            "500", "Science",
            "600", "Technology",
            "700", "Arts and recreation",
            "800", "Literature",
            "900", "History and geography");

    private DeweyClass() {
    }

    public static String of(String deweyNumber) {
        if (deweyNumber == null || deweyNumber.isBlank()) {
            return UNCLASSIFIED;
        }
        String s = deweyNumber.trim().toUpperCase(Locale.ROOT);
        if (s.length() >= 3 && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(1))
                && Character.isDigit(s.charAt(2))) {
            return s.charAt(0) + "00";
        }
        int end = 0;
        while (end < s.length() && end < 12 && Character.isLetter(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            return UNCLASSIFIED;
        }
        // "REF 500.1" is still a 500; a reference prefix before a number does not change the class
        String rest = s.substring(end).trim();
        if (rest.length() >= 3 && Character.isDigit(rest.charAt(0)) && Character.isDigit(rest.charAt(1))
                && Character.isDigit(rest.charAt(2))) {
            return rest.charAt(0) + "00";
        }
        return s.substring(0, end);
    }

    /** The class's caption for people, e.g. {@code Science}; the code itself for non-Dewey prefixes. */
    public static String label(String deweyClass) {
        return LABELS.getOrDefault(deweyClass, switch (deweyClass) {
            case "FIC" -> "Fiction";
            case "E" -> "Easy (picture books)";
            case "B" -> "Biography";
            case UNCLASSIFIED -> "Unclassified";
            default -> deweyClass;
        });
    }
}
