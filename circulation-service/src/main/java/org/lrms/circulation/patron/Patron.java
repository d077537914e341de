package org.lrms.circulation.patron;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A student, teacher, staff member or guardian who borrows. */
@Entity
@Table(name = "patron")
public class Patron extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String barcode;

    @Column(name = "sis_id")
    public String sisId;

    @Column(name = "sourced_id")
    public String sourcedId;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "patron_type", nullable = false)
    public String patronType;

    @Column(name = "home_site", nullable = false)
    public String homeSite;

    public String grade;
    public String homeroom;

    /** The roster class (sourcedId) the homeroom comes from; null when staff entered it (or there is none). */
    @Column(name = "homeroom_class")
    public String homeroomClass;

    public String email;

    @Column(nullable = false)
    public String language = "en";

    @Column(nullable = false)
    public String status = ACTIVE;

    public String notes;

    public boolean blocked;

    @Column(name = "block_note")
    public String blockNote;

    /** Sum of the open balances of the patron's fees, kept with each ledger change so the desk reads one row. */
    @Column(name = "fee_balance", nullable = false)
    public BigDecimal feeBalance = BigDecimal.ZERO;

    /** The roster import that last listed this patron (null for patrons entered by hand). */
    @Column(name = "last_import_id")
    public UUID lastImportId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public static Patron findByBarcode(String barcode) {
        return find("barcode", barcode).firstResult();
    }
}
