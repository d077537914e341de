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
import java.util.Optional;
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

    /** Why an entry of a zip was not applied (a {@link PhotoImportView.Rejected} without its entry's name). */
    public record Refusal(String code, String reason) {
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
     * Puts the patron's picture, replacing any earlier one: the patron first (404, 403 as the patron's record), then
     * the declared type (415) and the bytes (see {@link PhotoCheck}); refused, nothing changes.
     */
    @Transactional
    public PatronPhotoView put(UUID patronId, String contentType, byte[] image) {
        Patron patron = patrons.get(patronId);
        if (!patron.isActive()) {
            throw notActive(patron.status);
        }
        String declared = PhotoCheck.acceptedType(contentType)
                .orElseThrow(() -> PhotoRefused.unsupportedType(contentType));
        CheckedPhoto photo = PhotoCheck.check(image, declared, limits());
        return store(patron.id, photo, image);
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
     * A zip entry's picture, checked already, for the patron with {@code barcode}: refused when no patron has it or
     * the patron is at a site the caller does not hold. Its own transaction: the entries before and after stand
     * whatever becomes of this one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Refusal> putByBarcode(String barcode, CheckedPhoto photo, byte[] image) {
        Optional<Object[]> patron = Statements.first(dataSource, "the patron",
                "SELECT id, home_site, status FROM patron WHERE barcode = ?",
                r -> new Object[]{r.getObject(1, UUID.class), r.getString(2), r.getString(3)}, barcode);
        if (patron.isEmpty()) {
            return Optional.of(new Refusal("unknown-patron", "no patron has this barcode"));
        }
        if (!scope.canManage((String) patron.get()[1])) {
            return Optional.of(new Refusal("other-site", "the patron is at a site your account does not hold"));
        }
        if (!Patron.ACTIVE.equals(patron.get()[2])) {
            return Optional.of(new Refusal("patron-not-active", notActive((String) patron.get()[2]).getMessage()));
        }
        store((UUID) patron.get()[0], photo, image);
        return Optional.empty();
    }

    private PatronPhotoView store(UUID patronId, CheckedPhoto photo, byte[] image) {
        String by = scope.userName();
        Instant at = Statements.first(dataSource, "the patron's picture", UPSERT, r -> r.getTimestamp(1).toInstant(),
                patronId, photo.contentType(), image, image.length, photo.width(), photo.height(), by).orElseThrow();
        return new PatronPhotoView(photo.contentType(), image.length, photo.width(), photo.height(), at, by);
    }

    /**
     * Pictures are kept only while their patron is active ({@link PhotoRetention} removes the others nightly), so
     * none is taken for a graduated or inactive patron.
     */
    private static ProblemException notActive(String status) {
        return new ProblemException(409, "Conflict", "patron-not-active", "the patron is "
                + status.toLowerCase(Locale.ROOT) + ": pictures are kept only for active patrons");
    }

    private static ProblemException noPicture(UUID patronId) {
        return new ProblemException(404, "Not found", "no-photo", "patron " + patronId + " has no picture");
    }
}
