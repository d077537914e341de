package org.lrms.catalog.marc;

import org.lrms.catalog.title.TitleRequest;
import org.marc4j.marc.Record;

import java.math.BigDecimal;
import java.util.List;

/**
 * One MARC bibliographic record read into the catalog's terms: the title's fields, its identifiers for matching,
 * the holdings (852/949) it carries, and the source record to keep (as MARCXML).
 */
public record MarcTitle(int recordNumber, TitleRequest title, String controlNumber, List<Holding> holdings,
                        Record source) {

    /** The source record as the MARCXML a title keeps. */
    public String marcXml() {
        return MarcXml.write(source);
    }

    /** A copy described by an 852 or 949 holdings field. */
    public record Holding(String barcode, String callNumber, String shelfLocation, BigDecimal price) {
    }

    /** For reports: the control number when there is one, else the record's position in the file. */
    public String label() {
        return controlNumber == null ? "record " + recordNumber : "record " + recordNumber + " (" + controlNumber + ")";
    }
}
