package org.lrms.circulation.loan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A copy lent to a patron. Once closed and settled, the patron link is dropped (anonymized); the rest stays. */
@Entity
@Table(name = "loan")
public class Loan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "copy_id", nullable = false)
    public UUID copyId;

    @Column(name = "patron_id")
    public UUID patronId;

    @Column(name = "patron_key")
    public String patronKey;

    @Column(name = "patron_type", nullable = false)
    public String patronType;

    @Column(name = "patron_grade")
    public String patronGrade;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "loaned_at", nullable = false)
    public Instant loanedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    public int renewals;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "returned_at_site")
    public String returnedAtSite;

    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "override_by")
    public String overrideBy;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The last overdue notice stage reached (0: none yet). */
    @Column(name = "overdue_stage", nullable = false)
    public int overdueStage;

    /** The loan reached a blocking overdue notice stage: its patron may not borrow until it is returned. */
    @Column(name = "overdue_block", nullable = false)
    public boolean overdueBlock;

    @Column(name = "lost_at")
    public Instant lostAt;

    /**
     * The loan was declared lost and its LOST fee is settled (paid or waived): it no longer counts as overdue nor
     * towards the overdue block, though it stays open until the copy comes back.
     */
    @Column(name = "lost_settled_at")
    public Instant lostSettledAt;

    @Version
    public int version;

    public boolean isOpen() {
        return returnedAt == null;
    }
}
