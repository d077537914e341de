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
}
