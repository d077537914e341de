package org.lrms.catalog.title;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of thing a title is; circulation policies and search facets use it. */
public enum MaterialType {
    BOOK, EBOOK, AUDIOBOOK, DVD, VIDEO, MUSIC, KIT, PERIODICAL, MAP, SOFTWARE, EQUIPMENT, OTHER;

    public static Optional<MaterialType> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
    }

    public static String allowed() {
        return Arrays.toString(values());
    }
}
