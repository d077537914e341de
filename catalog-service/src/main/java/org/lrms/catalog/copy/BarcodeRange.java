package org.lrms.catalog.copy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The barcodes a site hands out to copies added without one: prefix + zero-padded number. */
@Entity
@Table(name = "barcode_range")
public class BarcodeRange extends PanacheEntityBase {

    @Id
    @Column(name = "site_code")
    public String siteCode;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "next_number", nullable = false)
    public long nextNumber;

    @Column(name = "last_number", nullable = false)
    public long lastNumber;

    @Column(nullable = false)
    public int digits;

    public boolean exhausted() {
        return nextNumber > lastNumber;
    }

    /** The next barcode; moves the range on. */
    public String take() {
        String barcode = prefix + String.format("%0" + digits + "d", nextNumber);
        nextNumber++;
        return barcode;
    }
}
