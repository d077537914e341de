package org.lrms.catalog.label;

/** What a label shows of one copy. */
public record LabelCopy(String barcode, String siteCode, String title, String author, String callNumber) {
}
