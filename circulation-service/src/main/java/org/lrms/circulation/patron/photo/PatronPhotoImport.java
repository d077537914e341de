package org.lrms.circulation.patron.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import org.lrms.circulation.CirculationConfig;
import org.lrms.kit.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A school-photo vendor's zip, read as it arrives (never whole in memory): each entry {@code <barcode>.jpg|.jpeg|.png}
 * becomes that patron's picture, each in its own transaction, so good entries stay when others fail. Every byte an
 * entry inflates to is counted, also of entries skipped (a zip bomb), against
 * {@code circulation.photos.import-max-inflated-bytes}; an entry is read to at most the picture limit plus one byte;
 * at most {@code circulation.photos.import-max-entries} entries are read. Past a bound the rest is not read and the
 * answer says so. Nothing is logged: the entries' names are barcodes.
 */
@ApplicationScoped
public class PatronPhotoImport {

    @Inject
    PatronPhotos photos;

    @Inject
    CirculationConfig config;

    /** Inflated more than the import may: the rest of the zip is not read. */
    private static final class TooMuch extends IOException {
        TooMuch() {
            super("inflated past the limit");
        }
    }

    /** The bytes inflated so far, all entries together. */
    private static final class Budget implements PhotoReads.Meter {
        private long left;

        Budget(long bytes) {
            this.left = bytes;
        }

        @Override
        public void read(int bytes) throws TooMuch {
            left -= bytes;
            if (left < 0) {
                throw new TooMuch();
            }
        }
    }

    public PhotoImportView run(InputStream body) {
        if (body == null) {
            throw notAZip();
        }
        PhotoLimits limits = photos.limits();
        int maxEntries = config.photos().importMaxEntries();
        long maxInflated = config.photos().importMaxInflatedBytes();
        Budget budget = new Budget(maxInflated);
        List<PhotoImportView.Rejected> rejected = new ArrayList<>();
        Set<String> applied = new HashSet<>();
        int entries = 0;
        int ignored = 0;
        String stopped = null;
        try (ZipInputStream zip = new ZipInputStream(body)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entries == maxEntries) {
                    stopped = String.format(Locale.ROOT, "the zip holds more than %,d entries (the limit): the rest "
                            + "was not read", maxEntries);
                    break;
                }
                entries++;
                String name = entry.getName();
                if (entry.isDirectory() || PhotoNames.ignored(name)) {
                    ignored++;
                    drain(zip, budget);
                    continue;
                }
                Optional<String> barcode = PhotoNames.barcodeOf(name);
                if (barcode.isEmpty()) {
                    rejected.add(rejection(name, "bad-name", "not named <patron barcode>.jpg, .jpeg or .png"));
                    drain(zip, budget);
                    continue;
                }
                if (applied.contains(barcode.get())) {
                    rejected.add(rejection(name, "duplicate",
                            "the zip names this patron twice: the first picture was kept"));
                    drain(zip, budget);
                    continue;
                }
                byte[] image = PhotoReads.readAtMost(zip, limits.maxBytes() + 1, budget);
                drain(zip, budget);
                if (image.length == 0) {
                    rejected.add(rejection(name, "not-an-image", "the file is empty"));
                    continue;
                }
                try {
                    PhotoEncoder.EncodedPhoto photo = PhotoEncoder.reencode(image, PhotoCheck.check(image, limits),
                            config.photos().storedSide());
                    photos.putByBarcode(barcode.get(), photo);
                    applied.add(barcode.get());
                } catch (ProblemException refused) {
                    // refused (the picture, the patron) or not done (busy): this entry only, the report goes on
                    rejected.add(rejection(name, refused.toProblem(null).code(), refused.getMessage()));
                } catch (PessimisticLockException | LockTimeoutException busy) {
                    rejected.add(rejection(name, "busy", "the patron's picture was being changed at the same time; "
                            + "send this picture again"));
                }
            }
        } catch (TooMuch e) {
            stopped = String.format(Locale.ROOT, "the zip inflates to more than %,d bytes (the limit): the rest was "
                    + "not read", maxInflated);
        } catch (IOException | IllegalArgumentException e) {
            // a broken or truncated archive, or an entry name that is not UTF-8
            if (entries == 0) {
                throw notAZip();
            }
            stopped = "the zip could not be read after entry " + entries + ": the rest was not read";
        }
        if (entries == 0 && stopped == null) {
            throw notAZip();
        }
        return new PhotoImportView(entries, applied.size(), ignored, List.copyOf(rejected), stopped == null,
                stopped);
    }

    private static PhotoImportView.Rejected rejection(String entry, String code, String reason) {
        return new PhotoImportView.Rejected(entry.length() > 300 ? entry.substring(0, 300) : entry, code, reason);
    }

    /** Reads the rest of the entry, counted: ZipInputStream would inflate it to skip it, uncounted. */
    private static void drain(InputStream in, Budget budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            budget.read(n);
        }
    }

    private static ProblemException notAZip() {
        return ProblemException.badRequest("body",
                "not a zip archive of pictures (or it holds no entries): send the zip as application/zip");
    }
}
