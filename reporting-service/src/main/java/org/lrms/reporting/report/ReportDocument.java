package org.lrms.reporting.report;

import java.util.List;

/**
 * A report laid out for people: a title, lines saying what it covers, and tables. The CSV, XLSX and PDF downloads
 * are drawn from it; the JSON answer is the report record itself.
 */
public record ReportDocument(String title, String fileName, List<String> notes, List<Table> tables) {

    /** One table: its caption, column headings and rows (numbers stay numbers for spreadsheets). */
    public record Table(String caption, List<String> columns, List<List<Object>> rows) {
    }
}
