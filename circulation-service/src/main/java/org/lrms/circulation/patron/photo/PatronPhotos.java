package org.lrms.circulation.patron.photo;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.patron.PatronService;
import org.lrms.kit.jdbc.Statements;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Patrons' pictures: one per patron, put (replacing the earlier one), read, removed, by those who may see the patron
 * (district staff; site staff for the patrons of their token's sites), as {@link PatronService#get} decides. The
 * bytes go by plain statements: nothing for Hibernate to hold in its session or dirty-check.
 */
@ApplicationScoped
public class PatronPhotos {

    private static final String UPSERT = "INSERT INTO patron_photo (patron_id, content_type, image, byte_count, width, "
            + "height, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, now(), ?) "
            + "ON CONFLICT (patron_id) DO UPDATE SET content_type = EXCLUDED.content_type, image = EXCLUDED.image, "
            + "byte_count = EXCLUDED.byte_count, width = EXCLUDED.width, height = EXCLUDED.height, "
            + "updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by RETURNING updated_at";

    /** A stored picture: its bytes and what is known of them. */
    public record StoredPhoto(byte[] image, PatronPhotoView view) {
    }

    /** The patron a zip entry's barcode names: what the entry needs to know of it. */
    private record BarcodePatron(UUID id, String homeSite, String status) {
    }

    @Inject
    PatronService patrons;

    @Inject
    SiteScope scope;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CirculationConfig config;

    public PhotoLimits limits() {
        return new PhotoLimits(config.photos().maxBytes(), config.photos().maxSide());
    }

    /**
     * Puts the patron's picture, replacing any earlier one: the patron first (404, 403 as the patron's record; 409
     * when not active), then the declared type (415) and the bytes (see {@link PhotoCheck}), then the picture as it
     * is stored (see {@link PhotoEncoder}); refused, nothing changes.
     */
    @Transactional
    public PatronPhotoView put(UUID patronId, String contentType, byte[] image) {
        Patron patron = patrons.get(patronId);
        requireActive(patron.status);
        String declared = PhotoCheck.acceptedType(contentType)
                .orElseThrow(() -> PhotoRefused.unsupportedType(contentType));
        CheckedPhoto checked = PhotoCheck.check(image, declared, limits());
        return store(patron.id, PhotoEncoder.reencode(image, checked, config.photos().storedSide()));
    }

    /** The patron's picture; 404 when there is none. */
    public StoredPhoto get(UUID patronId) {
        patrons.get(patronId);
        return Statements.first(dataSource, "the patron's picture", "SELECT image, content_type, byte_count, width, "
                        + "height, updated_at, updated_by FROM patron_photo WHERE patron_id = ?",
                r -> new StoredPhoto(r.getBytes(1), new PatronPhotoView(r.getString(2), r.getInt(3), r.getInt(4),
                        r.getInt(5), r.getTimestamp(6).toInstant(), r.getString(7))), patronId)
                .orElseThrow(() -> noPicture(patronId));
    }

    /** Removes the patron's picture; 404 when there is none. */
    @Transactional
    public void delete(UUID patronId) {
        patrons.get(patronId);
        if (Statements.update(dataSource, "the patron's picture", "DELETE FROM patron_photo WHERE patron_id = ?",
                patronId) == 0) {
            throw noPicture(patronId);
        }
    }

    /**
     * A zip entry's picture, encoded already, for the patron with {@code barcode}: refused (422 {@code unknown-patron})
     * when no patron of the caller's sites has it, whether another school's patron has it or nobody does (which
     * barcodes exist at other schools is not the caller's to learn), and when the patron is not active (409). Its own
     * transaction: the entries before and after stand whatever becomes of this one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PatronPhotoView putByBarcode(String barcode, PhotoEncoder.EncodedPhoto photo) {
        BarcodePatron patron = Statements.first(dataSource, "the patron",
                        "SELECT id, home_site, status FROM patron WHERE barcode = ?",
                        r -> new BarcodePatron(r.getObject(1, UUID.class), r.getString(2), r.getString(3)), barcode)
                .filter(p -> scope.canManage(p.homeSite()))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-patron",
                        "no patron of your sites has this barcode"));
        requireActive(patron.status());
        return store(patron.id(), photo);
    }

    private PatronPhotoView store(UUID patronId, PhotoEncoder.EncodedPhoto photo) {
        String by = scope.userName();
        byte[] image = photo.jpeg();
        Instant at = Statements.first(dataSource, "the patron's picture", UPSERT, r -> r.getTimestamp(1).toInstant(),
                patronId, PhotoCheck.JPEG, image, image.length, photo.width(), photo.height(), by).orElseThrow();
        return new PatronPhotoView(PhotoCheck.JPEG, image.length, photo.width(), photo.height(), at, by);
    }

    /**
     * Pictures are kept only while their patron is active ({@link PhotoRetention} removes the others nightly), so
     * none is taken for a graduated or inactive patron.
     */
    private static void requireActive(String status) {
        if (!Patron.ACTIVE.equals(status)) {
            throw new ProblemException(409, "Conflict", "patron-not-active", "the patron is "
                    + status.toLowerCase(Locale.ROOT) + ": pictures are kept only for active patrons");
        }
    }

    private static ProblemException noPicture(UUID patronId) {
        return new ProblemException(404, "Not found", "no-photo", "patron " + patronId + " has no picture");
    }
}
