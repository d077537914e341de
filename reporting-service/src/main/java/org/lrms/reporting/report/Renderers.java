package org.lrms.reporting.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Draws a {@link ReportDocument} as CSV (Commons CSV), XLSX (Apache POI) or a printable PDF (OpenPDF). */
public final class Renderers {

    private Renderers() {
    }

    /**
     * One CSV file: the title and notes as leading lines, then each table as its caption line, its header row and
     * its rows, tables separated by an empty line (spreadsheets open it as is).
     */
    public static byte[] csv(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            csv.printRecord(doc.title());
            for (String note : doc.notes()) {
                csv.printRecord(note);
            }
            for (ReportDocument.Table table : doc.tables()) {
                csv.println();
                csv.printRecord(table.caption());
                csv.printRecord(table.columns());
                for (List<Object> row : table.rows()) {
                    csv.printRecord(row.stream().map(Renderers::text).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One sheet of notes, then one sheet per table; numbers are numeric cells. */
    public static byte[] xlsx(ReportDocument doc) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet about = workbook.createSheet("Report");
            about.createRow(0).createCell(0).setCellValue(doc.title());
            about.getRow(0).getCell(0).setCellStyle(bold);
            for (int i = 0; i < doc.notes().size(); i++) {
                about.createRow(i + 1).createCell(0).setCellValue(doc.notes().get(i));
            }
            Set<String> names = new HashSet<>(Set.of("Report"));
            for (ReportDocument.Table table : doc.tables()) {
                Sheet sheet = workbook.createSheet(sheetName(table.caption(), names));
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.columns().get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        Cell cell = row.createCell(c);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (value != null) {
                            cell.setCellValue(text(value));
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A printable A4 landscape PDF: title, notes, then each table with its caption. */
    public static byte[] pdf(ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle(doc.title());
        pdf.open();
        Font titleFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font captionFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        Font cellFont = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font headFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        pdf.add(new Paragraph(doc.title(), titleFont));
        for (String note : doc.notes()) {
            pdf.add(new Paragraph(note, cellFont));
        }
        for (ReportDocument.Table table : doc.tables()) {
            Paragraph caption = new Paragraph(table.caption(), captionFont);
            caption.setSpacingBefore(12);
            caption.setSpacingAfter(4);
            pdf.add(caption);
            PdfPTable grid = new PdfPTable(Math.max(1, table.columns().size()));
            grid.setWidthPercentage(100);
            grid.setHeaderRows(1);
            for (String column : table.columns()) {
                grid.addCell(new PdfPCell(new Phrase(column, headFont)));
            }
            for (List<Object> row : table.rows()) {
                for (Object value : row) {
                    PdfPCell cell = new PdfPCell(new Phrase(text(value), cellFont));
                    if (value instanceof Number) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    grid.addCell(cell);
                }
            }
            pdf.add(grid);
        }
        pdf.close();
        return out.toByteArray();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String sheetName(String caption, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(caption);
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + " " + i;
        }
        return name;
    }
}
