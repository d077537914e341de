package org.lrms.catalog.copy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shelf order of call numbers, as a key that sorts byte by byte (PostgreSQL {@code COLLATE "C"}) the way the
 * copies stand on the shelf, like Koha's C4::ClassSortRoutine (Dewey, LCC, generic):
 * <ul>
 *   <li>Dewey: the class as a number, then its decimals digit by digit, then the cutter (author mark) and the rest:
 *   {@code 92 LIN}... {@code 599 LIO} &lt; {@code 599.75 LIO} &lt; {@code 599.8 ABC} &lt; {@code 600 A};</li>
 *   <li>collection prefixes ({@code FIC}, {@code E}, {@code REF 030}, {@code B}) keep their shelves together, after
 *   the plain Dewey numbers, each in alphabetical order; {@code 92} (the Dewey shorthand for biography) shelves as
 *   {@code B};</li>
 *   <li>Library of Congress: class letters, class number as a number with its decimals, then the cutters as decimals
 *   and the rest: {@code QA76.73.J38 S65 2019}, also written {@code QA 76.73 .J38 S65 2019} or, for a class that is
 *   no school's prefix, {@code QA 76.73 J38 S65 2019};</li>
 *   <li>anything else: words as words, whole numbers as numbers ({@code v.2} before {@code v.10}).</li>
 * </ul>
 * Case, accents and punctuation do not count. Tokens are joined by one space, which sorts before every letter and
 * digit, so a call number sorts before every longer one that starts with it.
 */
public final class ShelfKey {

    /** Above every character of a key: {@code key(to) + ABOVE} bounds everything that starts with {@code to}. */
    public static final String ABOVE = new String(Character.toChars(0x10FFFF));

    private static final Pattern LC = Pattern.compile("([A-Z]{1,3})(\\d{1,4})(\\.\\d+)?(.*)");
    /**
     * The same with a space between the class letters and the class number ({@code QA 76.73 .J38}). Only for a class
     * LC has (no I, O, W, X or Y first), a number without a leading zero, and a dotted cutter after it: {@code REF 030},
     * {@code FIC 2} or {@code E 123 SMI} stay prefixed shelves. A lone {@code J} is the juvenile collection's prefix
     * in school libraries ({@code J 599.75 .L56}), not LC's class J, which is written without the space if ever.
     */
    private static final Pattern LC_SPACED = Pattern.compile(
            "((?!J )[A-HJ-NP-VZ][A-Z]{0,2}) ([1-9]\\d{0,3})(\\.\\d+)?( ?\\.[A-Z].*)");
    /**
     * The same spaced, without a dotted cutter ({@code QA 76.73 J38}, or a bare range bound {@code QA 76}): read as LC
     * only when nothing else is meant, that is when the letters are one of LC's classes ({@link #LC_CLASSES}) that is
     * not also a school library's prefix ({@link #LOCAL_PREFIXES}), the number has no leading zero, and what follows is
     * nothing or starts with a cutter (letters then digits): {@code E 123 SMI}, {@code J 599.75} and {@code CD 782 SMI}
     * stay prefixed shelves.
     */
    private static final Pattern LC_SPACED_UNDOTTED = Pattern.compile(
            "([A-Z]{1,3}) ([1-9]\\d{0,3})(\\.\\d+)?((?: [A-Z]{1,3}\\d+(?: .*)?)?)");
    /** LC's classes and subclasses (the LCC outline), but for K's many subclasses of law: see {@link #isLcClass}. */
    private static final Set<String> LC_CLASSES = Set.of(
            "A", "AC", "AE", "AG", "AI", "AM", "AN", "AP", "AS", "AY", "AZ",
            "B", "BC", "BD", "BF", "BH", "BJ", "BL", "BM", "BP", "BQ", "BR", "BS", "BT", "BV", "BX",
            "C", "CB", "CC", "CD", "CE", "CJ", "CN", "CR", "CS", "CT",
            "D", "DA", "DAW", "DB", "DC", "DD", "DE", "DF", "DG", "DH", "DJ", "DJK", "DK", "DL", "DP", "DQ", "DR",
            "DS", "DT", "DU", "DX", "E", "F",
            "G", "GA", "GB", "GC", "GE", "GF", "GN", "GR", "GT", "GV",
            "H", "HA", "HB", "HC", "HD", "HE", "HF", "HG", "HJ", "HM", "HN", "HQ", "HS", "HT", "HV", "HX",
            "J", "JA", "JC", "JF", "JJ", "JK", "JL", "JN", "JQ", "JS", "JV", "JX", "JZ",
            "L", "LA", "LB", "LC", "LD", "LE", "LF", "LG", "LH", "LJ", "LT", "M", "ML", "MT",
            "N", "NA", "NB", "NC", "ND", "NE", "NK", "NX",
            "P", "PA", "PB", "PC", "PD", "PE", "PF", "PG", "PH", "PJ", "PK", "PL", "PM", "PN", "PQ", "PR", "PS", "PT",
            "PZ", "Q", "QA", "QB", "QC", "QD", "QE", "QH", "QK", "QL", "QM", "QP", "QR",
            "R", "RA", "RB", "RC", "RD", "RE", "RF", "RG", "RJ", "RK", "RL", "RM", "RS", "RT", "RV", "RX", "RZ",
            "S", "SB", "SD", "SF", "SH", "SK",
            "T", "TA", "TC", "TD", "TE", "TF", "TG", "TH", "TJ", "TK", "TL", "TN", "TP", "TR", "TS", "TT", "TX",
            "U", "UA", "UB", "UC", "UD", "UE", "UF", "UG", "UH", "V", "VA", "VB", "VC", "VD", "VE", "VF", "VG", "VK",
            "VM", "Z", "ZA");
    /**
     * LC classes that school libraries also use as collection prefixes (biography, easy, fiction, juvenile and
     * juvenile fiction, reference, teacher, compact discs, graphic novels, paperbacks, science fiction, teacher
     * resources, vertical file): spaced from a number without a dotted cutter, they are the prefix.
     */
    private static final Set<String> LOCAL_PREFIXES = Set.of("B", "E", "F", "J", "JF", "R", "T", "CD", "GN", "PB",
            "SF", "TR", "VF");
    private static final Pattern DEWEY = Pattern.compile("(\\d{1,3})(\\.\\d*)?");
    private static final Pattern CUTTER = Pattern.compile("\\p{L}+\\d+");
    private static final Pattern PARTS = Pattern.compile("\\p{L}+|\\d+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private ShelfKey() {
    }

    /** The key of a call number; null for none. */
    public static String of(String callNumber) {
        if (callNumber == null) {
            return null;
        }
        String text = DIACRITICS.matcher(Normalizer.normalize(callNumber, Normalizer.Form.NFD)).replaceAll("")
                .toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher lc = LC.matcher(text);
        if (lc.matches() && (lc.group(4).isEmpty() || lc.group(4).startsWith(" ") || lc.group(4).startsWith("."))) {
            return lcKey(lc);
        }
        Matcher spaced = LC_SPACED.matcher(text);
        if (spaced.matches()) {
            return lcKey(spaced);
        }
        Matcher undotted = LC_SPACED_UNDOTTED.matcher(text);
        if (undotted.matches() && isLcClass(undotted.group(1)) && !LOCAL_PREFIXES.contains(undotted.group(1))) {
            return lcKey(undotted);
        }
        return deweyOrGeneric(text);
    }

    private static boolean isLcClass(String letters) {
        return LC_CLASSES.contains(letters) || letters.charAt(0) == 'K';
    }

    /** The upper bound of a range ending at {@code callNumber}, inclusive of every call number starting with it. */
    public static String upTo(String callNumber) {
        String key = of(callNumber);
        return key == null ? null : key + ABOVE;
    }

    private static String lcKey(Matcher lc) {
        List<String> tokens = new ArrayList<>();
        tokens.add(lc.group(1));
        tokens.add(String.format("%04d", Integer.parseInt(lc.group(2))) + (lc.group(3) == null ? "" : lc.group(3)));
        for (String part : lc.group(4).split("[\\s.]+")) {
            if (!part.isEmpty()) {
                // cutters (J38, S65) are decimals: compared digit by digit, as they come
                tokens.add(rest(part));
            }
        }
        return String.join(" ", tokens);
    }

    private static String deweyOrGeneric(String text) {
        String[] words = text.split(" ");
        List<String> tokens = new ArrayList<>();
        boolean classSeen = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i == 0 && word.equals("92")) {
                tokens.add("B");
                classSeen = true;
                continue;
            }
            Matcher dewey = DEWEY.matcher(word);
            if (!classSeen && dewey.matches() && (i == 0 || allLetters(words, i))) {
                String decimals = dewey.group(2) == null || dewey.group(2).length() == 1 ? "" : dewey.group(2);
                tokens.add(String.format("%03d", Integer.parseInt(dewey.group(1))) + decimals);
                classSeen = true;
                continue;
            }
            classSeen |= !word.chars().allMatch(Character::isLetter);
            String encoded = rest(word);
            if (!encoded.isEmpty()) {
                tokens.add(encoded);
            }
        }
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /** Whether every word before {@code end} is a prefix word (letters only): {@code REF 030}, {@code J FIC}. */
    private static boolean allLetters(String[] words, int end) {
        for (int i = 0; i < end; i++) {
            if (!words[i].chars().allMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cutter ({@code J38}, {@code L56}: letters and digits, no dot) as it is, its digits being decimals; otherwise
     * letters as they are and whole numbers prefixed by their length, so that {@code v.2} sorts before {@code v.10}.
     */
    private static String rest(String word) {
        if (CUTTER.matcher(word).matches()) {
            return word;
        }
        Matcher parts = PARTS.matcher(word);
        List<String> out = new ArrayList<>();
        while (parts.find()) {
            String part = parts.group();
            if (Character.isDigit(part.charAt(0))) {
                String digits = part.replaceFirst("^0+(?=.)", "");
                out.add(digits.length() > 9 ? "9" + digits : digits.length() + digits);
            } else {
                out.add(part);
            }
        }
        return String.join(" ", out);
    }
}
