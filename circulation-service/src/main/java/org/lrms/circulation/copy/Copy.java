package org.lrms.circulation.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The replica of a catalog copy. {@code catalogStatus} is the catalog's word and changes only by catalog events
 * (not by the catalog's echo of circulation's own loans and holds, see {@link #isCirculationEcho});
 * {@code circulationState} is circulation's own (on loan, on the hold shelf, in transit), so a catalog event that
 * arrives late never undoes a check-out.
 * <p>
 * Updated column by column ({@code @DynamicUpdate}): the desk writes the circulation state in plain JDBC
 * ({@code DeskStatements}) while the catalog's events change the entity read before, unlocked
 * ({@link CatalogCopyEvents}); an update of every column would write the state that entity read back over a check-out
 * or check-in committed in between. Each writer writes only what it changed: the catalog's columns, or the state.
 */
@Entity
@Table(name = "copy")
@DynamicUpdate
public class Copy extends PanacheEntityBase {

    public static final String AVAILABLE = "AVAILABLE";
    public static final String CHECKED_OUT = "CHECKED_OUT";
    public static final String ON_HOLD_SHELF = "ON_HOLD_SHELF";
    public static final String IN_TRANSIT = "IN_TRANSIT";
    public static final String LOST = "LOST";

    /** Catalog statuses that are circulation's own echo, not a reason to refuse a loan. */
    private static final Set<String> CIRCULATING = Set.of(AVAILABLE, CHECKED_OUT, ON_HOLD_SHELF, IN_TRANSIT,
            "ON_LOAN");

    @Id
    public UUID id;

    @Column(nullable = false)
    public String barcode;

    @Column(name = "title_id")
    public UUID titleId;

    public String title;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "catalog_status", nullable = false)
    public String catalogStatus;

    @Column(name = "circulation_state", nullable = false)
    public String circulationState = AVAILABLE;

    @Column(name = "circulation_type")
    public String circulationType;

    @Column(name = "material_type")
    public String materialType;

    @Column(name = "dewey_number")
    public String deweyNumber;

    /** The catalog's call number and shelf location: where staff find the copy (the hold pull list's order). */
    @Column(name = "call_number")
    public String callNumber;

    @Column(name = "shelf_location")
    public String shelfLocation;

    /** The catalog's shelf-order key of the call number (sorts as the shelf does). */
    @Column(name = "shelf_key")
    public String shelfKey;

    public BigDecimal price;

    public boolean withdrawn;

    @Column(name = "in_transit_to")
    public String inTransitTo;

    @Column(name = "catalog_updated_at", nullable = false)
    public Instant catalogUpdatedAt;

    /**
     * A catalog status change between two statuses that both circulate (available, checked out, on the hold shelf,
     * in transit) is the catalog showing a loan or hold that circulation made itself: it changes nothing here.
     */
    public static boolean isCirculationEcho(String previousStatus, String status) {
        return previousStatus != null && status != null && CIRCULATING.contains(previousStatus.toUpperCase(
                Locale.ROOT)) && CIRCULATING.contains(status.toUpperCase(Locale.ROOT));
    }

    /** False when the catalog took the copy out of circulation (missing, damaged, withdrawn...). */
    public boolean circulates() {
        return circulates(withdrawn, catalogStatus);
    }

    static boolean circulates(boolean withdrawn, String catalogStatus) {
        return !withdrawn && CIRCULATING.contains(catalogStatus);
    }

    public static Copy findByBarcode(String barcode) {
        return find("barcode", barcode).firstResult();
    }
}
