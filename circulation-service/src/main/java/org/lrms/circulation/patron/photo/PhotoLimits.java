package org.lrms.circulation.patron.photo;

import java.util.Locale;

/** How large a patron's picture may be: its bytes, and its width and height in pixels. */
public record PhotoLimits(int maxBytes, int maxSide) {

    /** The byte limit in words, as the refusals name it: "2,097,152 bytes (2 MB)". */
    String bytesInWords() {
        String exact = String.format(Locale.ROOT, "%,d bytes", maxBytes);
        return maxBytes % (1024 * 1024) == 0 ? exact + " (" + maxBytes / (1024 * 1024) + " MB)" : exact;
    }

    String sideInWords() {
        return maxSide + " x " + maxSide + " pixels";
    }
}
