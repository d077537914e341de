package org.lrms.catalog.title;

import java.util.Locale;
import java.util.Optional;

/**
 * International Standard Book Numbers: check digits of ISBN-10 and ISBN-13, and the ISBN-13 form under which the
 * ISBN-10 and ISBN-13 of one book are the same number.
 */
public final class Isbn {

    private Isbn() {
    }

    /** Drops hyphens and spaces, upper-cases a final x; anything else is kept so that validation can refuse it. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String raw) {
        String isbn = normalize(raw);
        return isbn.length() == 10 ? validIsbn10(isbn) : isbn.length() == 13 && validIsbn13(isbn);
    }

    /** The ISBN-13 of a valid ISBN-10 or ISBN-13; empty when {@code raw} is no valid ISBN. */
    public static Optional<String> toIsbn13(String raw) {
        String isbn = normalize(raw);
        if (isbn.length() == 13 && validIsbn13(isbn)) {
            return Optional.of(isbn);
        }
        if (isbn.length() == 10 && validIsbn10(isbn)) {
            String body = "978" + isbn.substring(0, 9);
            return Optional.of(body + isbn13CheckDigit(body));
        }
        return Optional.empty();
    }

    /**
     * Pulls an ISBN out of a MARC 020 $a such as {@code "0786808772 (lib. bdg.)"} or {@code "9780439023481 :"}:
     * the first run of digits (and a final X) of ISBN length.
     */
    public static Optional<String> fromMarc(String subfield) {
        if (subfield == null) {
            return Optional.empty();
        }
        String candidate = subfield.strip().split("[\\s(:;]", 2)[0];
        String isbn = normalize(candidate);
        return isValid(isbn) ? Optional.of(isbn) : Optional.empty();
    }

    public static boolean sameBook(String a, String b) {
        Optional<String> left = toIsbn13(a);
        return left.isPresent() && left.equals(toIsbn13(b));
    }

    private static boolean validIsbn10(String isbn) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = isbn.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (c == 'X' && i == 9) {
                value = 10;
            } else {
                return false;
            }
            sum += value * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static boolean validIsbn13(String isbn) {
        if (!isbn.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (!isbn.startsWith("978") && !isbn.startsWith("979")) {
            return false;
        }
        return isbn13CheckDigit(isbn.substring(0, 12)) == isbn.charAt(12);
    }

    private static char isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
