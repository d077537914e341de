package org.lrms.catalog.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One withdrawn copy, as it was when it left the collection. */
@Entity
@Table(name = "weeding_log")
public class WeedingLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "copy_id", nullable = false)
    public UUID copyId;

    @Column(nullable = false)
    public String barcode;

    @Column(name = "title_id", nullable = false)
    public UUID titleId;

    @Column(nullable = false)
    public String title;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "call_number")
    public String callNumber;

    public BigDecimal price;

    @Column(name = "previous_status", nullable = false)
    public String previousStatus;

    @Column(nullable = false)
    public String reason;

    @Column(name = "disposal_method", nullable = false)
    public String disposalMethod;

    public String note;

    @Column(name = "withdrawn_by", nullable = false)
    public String withdrawnBy;

    @Column(name = "withdrawn_at", nullable = false)
    public Instant withdrawnAt;
}
