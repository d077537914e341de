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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Draws label sheets with OpenPDF: barcode labels (Code 128 or Code 39) and spine labels (call number). */
public final class LabelPdf {

    public enum Kind {
        /** Barcode with site, title, author and call number. */
        BARCODE,
        /** The call number in large type, one part per line, for the spine or pocket. */
        SPINE
    }

    public enum Symbology {
        CODE128, CODE39
    }

    private static final float PADDING = 4f;

    /**
     * Liberation Sans (metric-compatible with Helvetica/Arial; Latin with Vietnamese, Greek, Cyrillic), from
     * openpdf-fonts-extra: embedded as a subset with Identity-H, so a title in any of those scripts prints whole.
     */
    private static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "liberation/LiberationSans-Bold.ttf";
    private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

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
            // one font object per document: each collects the glyphs its document uses, and only those are embedded
            BaseFont regular = unicodeFont(REGULAR);
            BaseFont bold = unicodeFont(BOLD);
            PdfContentByte canvas = writer.getDirectContent();
            int position = skip;
            for (LabelCopy copy : copies) {
                if (position == layout.perSheet()) {
                    document.newPage();
                    position = 0;
                }
                LabelLayout.Cell cell = layout.cell(position++);
                if (kind == Kind.SPINE) {
                    spine(canvas, cell, copy, regular, bold);
                } else {
                    barcodeLabel(canvas, cell, copy, symbology, regular, bold);
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

    private static BaseFont unicodeFont(String resource) throws DocumentException, IOException {
        byte[] ttf = FONT_FILES.computeIfAbsent(resource, LabelPdf::readFont);
        return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
    }

    private static byte[] readFont(String resource) {
        try (InputStream in = LabelPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path (openpdf-fonts-extra)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void barcodeLabel(PdfContentByte canvas, LabelLayout.Cell cell, LabelCopy copy,
                                     Symbology symbology, BaseFont regular, BaseFont bold) throws DocumentException {
        float x = cell.x() + PADDING;
        float top = cell.y() + cell.height() - PADDING;
        float width = cell.width() - 2 * PADDING;
        text(canvas, bold, 7, x, top - 7, fit(copy.siteCode() + "  " + nullToEmpty(copy.callNumber()), bold, 7, width));
        text(canvas, regular, 6.5f, x, top - 14.5f, fit(copy.title(), regular, 6.5f, width));
        text(canvas, regular, 6f, x, top - 21.5f, fit(nullToEmpty(copy.author()), regular, 6f, width));

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

    private static void spine(PdfContentByte canvas, LabelLayout.Cell cell, LabelCopy copy, BaseFont regular,
                              BaseFont bold) {
        float x = cell.x() + PADDING;
        float top = cell.y() + cell.height() - PADDING;
        List<String> lines = spineLines(copy.callNumber());
        float size = lines.size() > 3 ? 10f : 13f;
        float y = top - size;
        for (String line : lines) {
            text(canvas, bold, size, x, y, fit(line, bold, size, cell.width() - 2 * PADDING));
            y -= size + 1f;
        }
        text(canvas, regular, 5.5f, x, cell.y() + PADDING, fit(copy.siteCode() + "  " + copy.barcode(), regular,
                5.5f, cell.width() - 2 * PADDING));
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

    private static void text(PdfContentByte canvas, BaseFont font, float size, float x, float y, String text) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    /** Cuts text to the label's width, with an ellipsis. */
    static String fit(String text, BaseFont font, float size, float width) {
        String t = nullToEmpty(text);
        if (font.getWidthPoint(t, size) <= width) {
            return t;
        }
        while (!t.isEmpty() && font.getWidthPoint(t + "...", size) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip() + "...";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
