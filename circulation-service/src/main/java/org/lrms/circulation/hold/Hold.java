package org.lrms.circulation.hold;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patron's hold on a title (any copy) or on one copy, picked up at a site. */
@Entity
@Table(name = "hold")
public class Hold extends PanacheEntityBase {

    public static final String WAITING = "WAITING";
    public static final String IN_TRANSIT = "IN_TRANSIT";
    public static final String ON_SHELF = "ON_SHELF";

    @Id
    public UUID id;

    @Column(name = "title_id", nullable = false)
    public UUID titleId;

    @Column(name = "copy_id")
    public UUID copyId;

    /** Null, with the key, once the hold is closed and past the privacy policy's period (anonymized). */
    @Column(name = "patron_id")
    public UUID patronId;

    @Column(name = "patron_key")
    public String patronKey;

    @Column(name = "patron_type", nullable = false)
    public String patronType;

    @Column(name = "patron_grade")
    public String patronGrade;

    @Column(name = "pickup_site", nullable = false)
    public String pickupSite;

    @Column(nullable = false)
    public String status = WAITING;

    public int priority;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Column(name = "assigned_copy_id")
    public UUID assignedCopyId;

    @Column(name = "shelf_expires_on")
    public LocalDate shelfExpiresOn;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;
}
