package org.lrms.circulation.fee;

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

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A receipt printed again for the patron: a half-letter page (OpenPDF, as the notices and the pull list). */
final class ReceiptPdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReceiptPdf() {
    }

    static byte[] render(FeeAccounts.Printable printable, ZoneId zone, Instant printedAt) {
        FeeAccounts.Receipt r = printable.receipt();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.HALFLETTER, 30, 30, 30, 30);
        PdfWriter.getInstance(document, out);
        document.open();
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        document.add(new Paragraph(title(r.kind()) + " " + r.receiptNo(), heading));
        document.add(new Paragraph(printable.siteName(), body));
        document.add(new Paragraph(WHEN.format(r.at().atZone(zone)) + "  (" + zone.getId() + ")", body));
        document.add(new Paragraph("Patron: " + printable.patronName() + " (" + printable.patronBarcode() + ")",
                body));
        if (r.method() != null) {
            document.add(new Paragraph("Paid by: " + r.method(), body));
        }
        if (r.reason() != null) {
            document.add(new Paragraph("Reason: " + r.reason(), body));
        }
        PdfPTable table = new PdfPTable(new float[]{14, 12, 10, 10});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        for (String column : List.of("Fee", "Site", "Amount", "Fee balance")) {
            table.addCell(new PdfPCell(new Phrase(column, head)));
        }
        for (FeeAccounts.ReceiptLine line : r.lines()) {
            for (String value : List.of(line.feeKind(), line.siteCode(), line.amount().toPlainString(),
                    line.feeBalance().toPlainString())) {
                PdfPCell cell = new PdfPCell(new Phrase(value, body));
                cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                table.addCell(cell);
            }
        }
        document.add(table);
        document.add(new Paragraph("Total: " + r.amount().toPlainString(), head));
        document.add(new Paragraph("Balance owed after: " + r.balance().toPlainString(), body));
        document.add(new Paragraph("Served by: " + r.by()
                + (r.deskSite() == null ? "" : " at the desk of " + r.deskSite()), body));
        document.add(new Paragraph("Reprinted " + WHEN.format(printedAt.atZone(zone)), body));
        document.close();
        return out.toByteArray();
    }

    private static String title(String kind) {
        return switch (kind) {
            case "PAYMENT" -> "Payment receipt";
            case "WAIVER" -> "Waiver";
            case "REFUND" -> "Refund receipt";
            default -> "Receipt";
        };
    }
}
