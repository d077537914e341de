package org.lrms.catalog.title;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Library of Congress Control Numbers in their normalized form, so that one LCCN matches however it was written
 * ("2001-12345", "2001012345", " 2001012345 "). The rules are LC's (https://www.loc.gov/marc/lccn-namespace.html,
 * "Normalization"): remove blanks; remove a forward slash and everything after it; remove a hyphen and left-fill the
 * digits after it with zeros to six. The prefix letters are kept, in lower case, as LC writes them ("n 79-21164" →
 * "n79021164"). A value that the rules do not turn into prefix letters, a year and a serial number is kept as it came,
 * without its blanks, as before.
 */
public final class Lccn {

    /** Up to three prefix letters, a two- or four-digit year and a six-digit serial number. */
    private static final Pattern NORMALIZED = Pattern.compile("[a-z]{0,3}([0-9]{8}|[0-9]{10})");
    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,6}");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private Lccn() {
    }

    /** The normalized LCCN, or null for a blank one. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String lccn = BLANKS.matcher(raw).replaceAll("");
        int slash = lccn.indexOf('/');
        if (slash >= 0) {
            lccn = lccn.substring(0, slash);
        }
        int hyphen = lccn.indexOf('-');
        if (hyphen >= 0) {
            String serial = lccn.substring(hyphen + 1);
            if (SERIAL.matcher(serial).matches()) {
                lccn = lccn.substring(0, hyphen) + "0".repeat(6 - serial.length()) + serial;
            }
        }
        String lower = lccn.toLowerCase(Locale.ROOT);
        if (NORMALIZED.matcher(lower).matches()) {
            return lower;
        }
        String stripped = BLANKS.matcher(raw).replaceAll("");
        return stripped.isEmpty() ? null : stripped;
    }
}
