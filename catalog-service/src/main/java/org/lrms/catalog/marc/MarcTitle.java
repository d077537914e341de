package org.lrms.catalog.marc;

import org.lrms.catalog.title.TitleRequest;
import org.marc4j.marc.Record;

import java.math.BigDecimal;
import java.util.List;

/**
 * One MARC bibliographic record read into the catalog's terms: the title's fields, its identifiers for matching,
 * (the control number with its agency, 001 and 003), the holdings (852/949) it carries, and the source record to keep, also as the MARCXML a title keeps (written when
 * the record is read, on the import's reading thread, not while its chunk is written).
 */
public record MarcTitle(int recordNumber, TitleRequest title, String controlNumber, String controlNumberAgency,
                        List<Holding> holdings, Record source, String marcXml, List<String> cancelledIsbns,
                        List<String> invalidIsbns) {

    /**
     * {@code cancelledIsbns}: the record's 020 $z values and its 020 $a values that are no valid ISBN, kept as the
     * title's cancelled/invalid ISBNs; {@code invalidIsbns}: those of 020 $a, which the import's summary warns about.
     */
    public MarcTitle(int recordNumber, TitleRequest title, String controlNumber, String controlNumberAgency,
                     List<Holding> holdings, Record source, String marcXml) {
        this(recordNumber, title, controlNumber, controlNumberAgency, holdings, source, marcXml, List.of(), List.of());
    }

    /** A copy described by an 852 or 949 holdings field. */
    public record Holding(String barcode, String callNumber, String shelfLocation, BigDecimal price) {
    }

    /** For reports: the control number when there is one, else the record's position in the file. */
    public String label() {
        return controlNumber == null ? "record " + recordNumber : "record " + recordNumber + " (" + controlNumber + ")";
    }
}
