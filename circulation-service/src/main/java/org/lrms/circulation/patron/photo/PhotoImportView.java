package org.lrms.circulation.patron.photo;

import java.util.List;

/**
 * What a zip of patron photos did: {@code entries} read, {@code applied} (a patron's picture put), {@code ignored}
 * (folders, hidden and system files), the {@code rejected} entries with their reason; {@code complete} false when
 * the zip was not read to its end, {@code stopped} saying why (too many entries, inflating past the limit, a broken
 * zip). What was applied before stays applied.
 */
public record PhotoImportView(int entries, int applied, int ignored, List<Rejected> rejected, boolean complete,
                              String stopped) {

    /**
     * An entry not applied: {@code code} {@code bad-name}, {@code duplicate}, {@code unknown-patron} (no patron of
     * the caller's sites has the barcode), {@code patron-not-active}, {@code not-an-image} (also a file cut off before
     * its end), {@code photo-too-large}, {@code photo-dimensions-too-large}, {@code unsupported-color-model} (a CMYK
     * JPEG), {@code busy} (the patron's picture changed meanwhile: send it again).
     */
    public record Rejected(String entry, String code, String reason) {
    }
}
