package org.lrms.catalog.inventory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An inventory of a site, or of part of it (a call-number range, a circulation type, a shelf location). */
@Entity
@Table(name = "inventory")
public class Inventory extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String FINISHED = "FINISHED";
    /** Stopped without a result (started by mistake, wrong range): nothing became missing, its scans are gone. */
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "call_number_from")
    public String callNumberFrom;

    @Column(name = "call_number_to")
    public String callNumberTo;

    @Column(name = "circulation_type")
    public String circulationType;

    @Column(name = "shelf_location")
    public String shelfLocation;

    @Column(name = "skip_seen_since")
    public Instant skipSeenSince;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "copies_in_scope", nullable = false)
    public long copiesInScope;

    /** In scope but seen since {@code skipSeenSince} (and not scanned here): counted as present, not checked. */
    @Column(name = "copies_skipped", nullable = false)
    public long copiesSkipped;

    @Column(nullable = false)
    public long scanned;

    @Column(nullable = false)
    public long missing;

    @Column(nullable = false)
    public long found;

    @Column(nullable = false)
    public long misplaced;

    /** Not scanned and not checked: on the hold shelf, in transit or in processing, so not expected on the shelf. */
    @Column(name = "not_checked", nullable = false)
    public long notChecked;

    /** Scanned while on loan: the loan was not checked in. */
    @Column(name = "scanned_on_loan", nullable = false)
    public long scannedOnLoan;

    /** Scanned barcodes that no copy has. */
    @Column(name = "unknown_barcodes", nullable = false)
    public long unknownBarcodes;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public int version;

    /** The copies this inventory has to account for: those in scope that were not skipped. */
    public long copiesExpected() {
        return copiesInScope - copiesSkipped;
    }

    /** In words, for reports and the InventoryFinished event. */
    public String scopeDescription() {
        List<String> parts = new ArrayList<>();
        if (callNumberFrom != null || callNumberTo != null) {
            parts.add("call numbers " + (callNumberFrom == null ? "…" : callNumberFrom) + " to "
                    + (callNumberTo == null ? "…" : callNumberTo));
        }
        if (circulationType != null) {
            parts.add("circulation type " + circulationType);
        }
        if (shelfLocation != null) {
            parts.add("shelf location " + shelfLocation);
        }
        return parts.isEmpty() ? "whole site " + siteCode : siteCode + ": " + String.join(", ", parts);
    }
}
