package org.lrms.catalog.label;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.Barcode39;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws label sheets with OpenPDF: barcode labels (Code 128 or Code 39), spine labels (call number) and book-pocket
 * labels (call number, author, title, site).
 */
public final class LabelPdf {

    public enum Kind {
        /** Barcode with site, title, author and call number. */
        BARCODE,
        /** The call number in large type, one part per line, for the spine. */
        SPINE,
        /** The book-pocket (or card) label: call number, author, title on up to two lines, site; no barcode. */
        POCKET
    }

    public enum Symbology {
        CODE128, CODE39
    }

    private static final float PADDING = 4f;

    private LabelPdf() {
    }

    /** {@code skip} labels at the start of the first sheet are left blank (a sheet already partly used). */
    public static byte[] render(List<LabelCopy> copies, LabelLayout layout, Kind kind, Symbology symbology,
                                int skip) {
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("no copies to label");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(LabelLayout.PAGE_WIDTH, LabelLayout.PAGE_HEIGHT), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("LRMS labels");
            document.open();
            LabelFonts fonts = new LabelFonts();
            PdfContentByte canvas = writer.getDirectContent();
            int position = skip;
            for (LabelCopy copy : copies) {
                if (position == layout.perSheet()) {
                    document.newPage();
                    position = 0;
                }
                LabelLayout.Cell cell = layout.cell(position++);
                if (kind == Kind.SPINE) {
                    spine(canvas, cell, copy, fonts);
                } else if (kind == Kind.POCKET) {
                    pocket(canvas, cell, copy, fonts);
                } else {
                    barcodeLabel(canvas, cell, copy, symbology, fonts);
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("labels cannot be drawn", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void barcodeLabel(PdfContentByte canvas, LabelLayout.Cell cell, LabelCopy copy,
                                     Symbology symbology, LabelFonts fonts) throws DocumentException {
        float x = cell.x() + PADDING;
        float top = cell.y() + cell.height() - PADDING;
        float width = cell.width() - 2 * PADDING;
        BaseFont regular = fonts.regular;
        BaseFont bold = fonts.bold;
        fonts.show(canvas, bold, 7, x, top - 7,
                fonts.fit(copy.siteCode() + "  " + nullToEmpty(copy.callNumber()), bold, 7, width));
        fonts.show(canvas, regular, 6.5f, x, top - 14.5f, fonts.fit(copy.title(), regular, 6.5f, width));
        fonts.show(canvas, regular, 6f, x, top - 21.5f, fonts.fit(nullToEmpty(copy.author()), regular, 6f, width));

        Barcode barcode = symbology == Symbology.CODE39 ? code39(copy.barcode()) : new Barcode128();
        barcode.setCode(copy.barcode());
        barcode.setFont(regular);
        barcode.setSize(6f);
        barcode.setBaseline(6f);
        barcode.setBarHeight(cell.height() - 30f - 8f);
        Image image = barcode.createImageWithBarcode(canvas, null, null);
        float scale = Math.min(1f, width / image.getWidth());
        image.scalePercent(scale * 100f);
        image.setAbsolutePosition(x + (width - image.getScaledWidth()) / 2f, cell.y() + PADDING);
        canvas.addImage(image);
    }

    private static Barcode code39(String code) {
        Barcode39 barcode = new Barcode39();
        barcode.setExtended(!code.equals(code.toUpperCase()));
        barcode.setStartStopText(false);
        return barcode;
    }

    private static void spine(PdfContentByte canvas, LabelLayout.Cell cell, LabelCopy copy, LabelFonts fonts) {
        float x = cell.x() + PADDING;
        float top = cell.y() + cell.height() - PADDING;
        List<String> lines = spineLines(copy.callNumber());
        float size = lines.size() > 3 ? 10f : 13f;
        float y = top - size;
        for (String line : lines) {
            fonts.show(canvas, fonts.bold, size, x, y, fonts.fit(line, fonts.bold, size, cell.width() - 2 * PADDING));
            y -= size + 1f;
        }
        fonts.show(canvas, fonts.regular, 5.5f, x, cell.y() + PADDING, fonts.fit(copy.siteCode() + "  "
                + copy.barcode(), fonts.regular, 5.5f, cell.width() - 2 * PADDING));
    }

    private static void pocket(PdfContentByte canvas, LabelLayout.Cell cell, LabelCopy copy, LabelFonts fonts) {
        float x = cell.x() + PADDING;
        float top = cell.y() + cell.height() - PADDING;
        float width = cell.width() - 2 * PADDING;
        fonts.show(canvas, fonts.bold, 10f, x, top - 10f, fonts.fit(nullToEmpty(copy.callNumber()), fonts.bold, 10f,
                width));
        fonts.show(canvas, fonts.regular, 7.5f, x, top - 19.5f, fonts.fit(nullToEmpty(copy.author()), fonts.regular,
                7.5f, width));
        float y = top - 28.5f;
        for (String line : twoLines(copy.title(), fonts, 7.5f, width)) {
            fonts.show(canvas, fonts.bold, 7.5f, x, y, line);
            y -= 8.5f;
        }
        fonts.show(canvas, fonts.regular, 6f, x, cell.y() + PADDING, fonts.fit(copy.siteCode(), fonts.regular, 6f,
                width));
    }

    /** The title in words on a first line, the rest (shortened to fit) on a second. */
    private static List<String> twoLines(String text, LabelFonts fonts, float size, float width) {
        String title = nullToEmpty(text).strip();
        if (fonts.width(fonts.bold, size, title) <= width) {
            return List.of(title);
        }
        String[] words = title.split("\\s+");
        StringBuilder first = new StringBuilder(words[0]);
        int i = 1;
        while (i < words.length && fonts.width(fonts.bold, size, first + " " + words[i]) <= width) {
            first.append(' ').append(words[i++]);
        }
        if (i == 1 && fonts.width(fonts.bold, size, words[0]) > width) {
            return List.of(fonts.fit(title, fonts.bold, size, width)); // one long word: shortened
        }
        String rest = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        return rest.isEmpty() ? List.of(first.toString())
                : List.of(first.toString(), fonts.fit(rest, fonts.bold, size, width));
    }

    /** "FIC SAC" on two lines, "599.75 LIO 2004" on three; at most four. */
    static List<String> spineLines(String callNumber) {
        List<String> lines = new ArrayList<>();
        if (callNumber != null) {
            for (String part : callNumber.strip().split("\\s+")) {
                if (!part.isEmpty() && lines.size() < 4) {
                    lines.add(part);
                }
            }
        }
        return lines;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
