package org.lrms.catalog.label;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelLayoutTest {

    @Test
    void avery5160HasThirtyLabelsOfOneBy2And5Eighths() {
        LabelLayout layout = LabelLayout.AVERY_5160;
        assertEquals(30, layout.perSheet());
        LabelLayout.Cell first = layout.cell(0);
        assertEquals(13.5f, first.x(), 0.01f);           // 3/16" left margin
        assertEquals(792f - 36f - 72f, first.y(), 0.01f); // 1/2" top margin, 1" high
        assertEquals(189f, first.width(), 0.01f);
        LabelLayout.Cell last = layout.cell(29);
        assertEquals(13.5f + 2 * 198f, last.x(), 0.01f);
        assertEquals(36f, last.y(), 0.01f);               // 1/2" bottom margin
        assertTrue(last.x() + last.width() <= 612f);
    }

    @Test
    void avery5161HasTwentyLabelsOfOneByFour() {
        LabelLayout layout = LabelLayout.AVERY_5161;
        assertEquals(20, layout.perSheet());
        assertEquals(288f, layout.cell(0).width(), 0.01f);
        assertEquals(11.25f + 301.5f, layout.cell(1).x(), 0.01f);
        assertTrue(layout.cell(19).x() + layout.cell(19).width() <= 612f);
    }

    @Test
    void layoutNamesAreForgiving() {
        assertEquals(LabelLayout.AVERY_5161, LabelLayout.parse("5161").orElseThrow());
        assertEquals(LabelLayout.AVERY_5160, LabelLayout.parse(null).orElseThrow());
        assertTrue(LabelLayout.parse("avery 9999").isEmpty());
    }

    @Test
    void spineLabelsBreakTheCallNumberIntoLines() {
        assertEquals(List.of("599.75", "LIO", "2004"), LabelPdf.spineLines(" 599.75  LIO 2004 "));
        assertEquals(List.of(), LabelPdf.spineLines(null));
    }

    @Test
    void thirtyOneBarcodeLabelsNeedTwoSheetsAndCarryTheirText() throws Exception {
        List<LabelCopy> copies = IntStream.range(0, 31).mapToObj(i -> new LabelCopy("LHS" + (1000 + i), "LHS",
                "A very long title that does not fit on one small label at all, whatever the font size may be " + i,
                "Sachar, Louis",
                "FIC SAC")).toList();
        byte[] pdf = LabelPdf.render(copies, LabelLayout.AVERY_5160, LabelPdf.Kind.BARCODE,
                LabelPdf.Symbology.CODE128, 0);
        PdfReader reader = new PdfReader(pdf);
        assertEquals(2, reader.getNumberOfPages());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(first.contains("LHS1000"), first);
        assertTrue(first.contains("Sachar, Louis"));
        assertTrue(first.contains("..."), "long titles are cut");
        assertTrue(new PdfTextExtractor(reader).getTextFromPage(2).contains("LHS1030"));
    }

    @Test
    void skippingUsedLabelsMovesToTheNextSheetSooner() throws Exception {
        List<LabelCopy> copies = List.of(new LabelCopy("ab-1", "LHS", "Holes", null, "FIC SAC"),
                new LabelCopy("AB-2", "LHS", "Holes", null, "FIC SAC"));
        byte[] pdf = LabelPdf.render(copies, LabelLayout.AVERY_5161, LabelPdf.Kind.BARCODE,
                LabelPdf.Symbology.CODE39, 19);
        assertEquals(2, new PdfReader(pdf).getNumberOfPages());
        byte[] spine = LabelPdf.render(copies, LabelLayout.AVERY_5160, LabelPdf.Kind.SPINE,
                LabelPdf.Symbology.CODE128, 0);
        assertTrue(new PdfTextExtractor(new PdfReader(spine)).getTextFromPage(1).contains("SAC"));
    }

    @Test
    void titlesInCyrillicVietnameseAndPolishPrintWhole() throws Exception {
        List<String> titles = List.of("Преступление и наказание", "Truyện Kiều", "Pan Tadeusz – Księga pierwsza",
                "Ελληνικά γράμματα");
        List<LabelCopy> copies = IntStream.range(0, 31).mapToObj(i -> new LabelCopy("LHS" + (2000 + i), "LHS",
                titles.get(i % titles.size()), i % 2 == 0 ? "Достоевский, Фёдор" : "Nguyễn Du",
                i % 2 == 0 ? "891.73 ДОС" : "FIC NGU")).toList();
        byte[] pdf = LabelPdf.render(copies, LabelLayout.AVERY_5160, LabelPdf.Kind.BARCODE,
                LabelPdf.Symbology.CODE128, 0);
        PdfReader reader = new PdfReader(pdf);
        assertEquals(2, reader.getNumberOfPages(), "still 30 labels on an AVERY_5160 sheet");
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        for (String title : titles) {
            assertTrue(first.contains(title), "extracted: " + first);
        }
        assertTrue(first.contains("Достоевский, Фёдор") && first.contains("Nguyễn Du"), first);
        assertTrue(first.contains("891.73 ДОС"), first);
        assertTrue(new PdfTextExtractor(reader).getTextFromPage(2).contains("LHS2030"));

        byte[] spine = LabelPdf.render(copies.subList(0, 1), LabelLayout.AVERY_5160, LabelPdf.Kind.SPINE,
                LabelPdf.Symbology.CODE128, 0);
        assertTrue(new PdfTextExtractor(new PdfReader(spine)).getTextFromPage(1).contains("ДОС"));
    }

    @Test
    void theFontIsASubsetEmbeddedWithIdentityH() throws Exception {
        byte[] pdf = LabelPdf.render(List.of(new LabelCopy("LHS1", "LHS", "Truyện Kiều", null, "FIC NGU")),
                LabelLayout.AVERY_5160, LabelPdf.Kind.BARCODE, LabelPdf.Symbology.CODE128, 0);
        PdfReader reader = new PdfReader(pdf);
        boolean found = false;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            com.lowagie.text.pdf.PdfObject object = reader.getPdfObject(i);
            if (object instanceof com.lowagie.text.pdf.PdfDictionary font
                    && com.lowagie.text.pdf.PdfName.TYPE0.equals(font.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) {
                String name = font.get(com.lowagie.text.pdf.PdfName.BASEFONT).toString();
                assertTrue(name.matches("/[A-Z]{6}\\+LiberationSans.*"), "a subset (tag+name): " + name);
                assertEquals("/Identity-H", font.get(com.lowagie.text.pdf.PdfName.ENCODING).toString());
                found = true;
            }
        }
        assertTrue(found, "a Type0 (Unicode) font is embedded");
        assertTrue(pdf.length < 200_000, "only the used glyphs are embedded: " + pdf.length + " bytes");
    }
}
