package org.lrms.circulation.patron.photo;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The names of a school-photo vendor's zip: each picture is {@code <patron barcode>.jpg}, {@code .jpeg} or
 * {@code .png} (any case), in any folder. Plain Java.
 */
public final class PhotoNames {

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png");
    /** What archivers and file browsers add to a zip: never a picture of a patron. */
    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini");

    private PhotoNames() {
    }

    /** The patron barcode an entry's name gives, or empty when it is not {@code <barcode>.jpg|.jpeg|.png}. */
    public static Optional<String> barcodeOf(String entryName) {
        String file = fileName(entryName);
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.contains(file.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String barcode = file.substring(0, dot);
        if (barcode.isBlank() || barcode.length() > 40 || barcode.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(barcode);
    }

    /**
     * Entries skipped without a word: macOS's {@code __MACOSX/} copies and {@code ._} files, hidden files
     * ({@code .DS_Store}), Windows' {@code Thumbs.db} and {@code desktop.ini}.
     */
    public static boolean ignored(String entryName) {
        String normalized = entryName.replace('\\', '/');
        String file = fileName(normalized);
        return normalized.startsWith("__MACOSX/") || normalized.contains("/__MACOSX/") || file.startsWith(".")
                || SYSTEM_FILES.contains(file.toLowerCase(Locale.ROOT));
    }

    private static String fileName(String entryName) {
        String normalized = entryName.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }
}
