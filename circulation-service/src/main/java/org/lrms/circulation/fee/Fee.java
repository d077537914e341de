package org.lrms.circulation.fee;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A charge on a patron's account; payments and waivers lower its balance. An update writes only the columns the entity
 * changed: the privacy rule drops a fee's loan and copy by a statement ({@code LoanPrivacy}) in transactions that have
 * the fee loaded (a payment, a waiver, a lost item's refund), and a later flush must not write them back.
 */
@Entity
@DynamicUpdate
@Table(name = "fee")
public class Fee extends PanacheEntityBase {

    public static final String OPEN = "OPEN";

    @Id
    public UUID id;

    /** Null once the fee is settled and past the privacy policy's finance retention (the patron detached). */
    @Column(name = "patron_id")
    public UUID patronId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public BigDecimal balance;

    @Column(nullable = false)
    public String status = OPEN;

    @Column(name = "loan_id")
    public UUID loanId;

    @Column(name = "copy_id")
    public UUID copyId;

    public String note;

    /** The textbook service's charge this fee books (kind TEXTBOOK); null for other fees. */
    @Column(name = "charge_id")
    public UUID chargeId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public int version;
}
