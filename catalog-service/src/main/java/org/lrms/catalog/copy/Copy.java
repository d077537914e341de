package org.lrms.catalog.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.lrms.catalog.title.Title;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A physical item of a title, at one site, with a district-wide unique barcode. */
@Entity
@Table(name = "copy")
public class Copy extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "title_id", nullable = false)
    public Title title;

    @Column(nullable = false)
    public String barcode;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CopyStatus status;

    @Column(name = "destination_site")
    public String destinationSite;

    @Column(name = "call_number")
    public String callNumber;

    /** The call number's shelf order ({@link ShelfKey}), kept by {@link #keepShelfKey()}. */
    @Column(name = "shelf_key")
    public String shelfKey;

    @Column(name = "shelf_location")
    public String shelfLocation;

    public BigDecimal price;

    @Column(name = "acquired_on")
    public LocalDate acquiredOn;

    @Column(name = "funding_source")
    public String fundingSource;

    public String condition;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> categories = new ArrayList<>();

    @Column(name = "circulation_type", nullable = false)
    public String circulationType;

    /** When circulation's newest loan or hold event applied here happened (older ones are ignored). */
    @Column(name = "circulation_at")
    public Instant circulationAt;

    /** The hold this copy is set aside for (on the hold shelf or in transit to the pickup site), if any. */
    @Column(name = "hold_id")
    public UUID holdId;

    /** The acquisitions receipt line this copy was received on, if it came that way. */
    @Column(name = "receipt_line_id")
    public UUID receiptLineId;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @PrePersist
    @PreUpdate
    void keepShelfKey() {
        shelfKey = ShelfKey.of(callNumber);
    }

    public static Optional<Copy> byBarcode(String barcode) {
        return find("barcode", barcode).firstResultOptional();
    }

    public static boolean barcodeTaken(String barcode) {
        return count("barcode", barcode) > 0;
    }
}
