package org.lrms.catalog.receipt;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An acquisitions receipt line the catalog took in (its copies carry the same receipt line id). */
@Entity
@Table(name = "receipt_line")
public class ReceiptLine extends PanacheEntityBase {

    @Id
    @Column(name = "receipt_line_id")
    public UUID receiptLineId;

    @Column(name = "receipt_id", nullable = false)
    public UUID receiptId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "order_line_id")
    public UUID orderLineId;

    @Column(name = "title_id", nullable = false)
    public UUID titleId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
