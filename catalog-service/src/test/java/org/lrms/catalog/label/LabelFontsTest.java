package org.lrms.catalog.label;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Titles in Chinese, Japanese, Hebrew and Arabic (as in the shared MARC records) print in a font that has them. */
class LabelFontsTest {

    private static final String CHINESE = "三体";
    private static final String JAPANESE = "ノルウェイの森";
    private static final String HEBREW = "שלום עליכם";
    private static final String ARABIC = "ألف ليلة وليلة";
    private static final String KOREAN = "채식주의자";

    @Test
    void eachCharacterFindsAFontThatHasIt() throws Exception {
        LabelFonts fonts = new LabelFonts();
        for (String title : List.of(CHINESE, JAPANESE, HEBREW, ARABIC, KOREAN, "Truyện Kiều", "Преступление")) {
            title.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> {
                BaseFont font = fonts.fontFor(fonts.regular, c);
                assertTrue(font.charExists(c), "no font for U+" + Integer.toHexString(c) + " of " + title);
            });
        }
        assertTrue(fonts.width(fonts.regular, 7, CHINESE) > 0, "CJK characters have a width");
    }

    @Test
    void aFallbackIsReadOnlyWhenATitleNeedsIt() throws Exception {
        LabelFonts fonts = new LabelFonts();
        fonts.width(fonts.regular, 7, "Преступление и наказание, Truyện Kiều");
        assertEquals(0, fonts.fallbacksRead(), "Latin, Greek and Cyrillic need Liberation Sans only");
        fonts.width(fonts.regular, 7, HEBREW);
        assertEquals(1, fonts.fallbacksRead(), "Hebrew is in Kurinto Sans: Noto Sans SC (10 MB) is not read");
        fonts.width(fonts.regular, 7, CHINESE);
        assertEquals(2, fonts.fallbacksRead());
        fonts.width(fonts.regular, 7, KOREAN);
        assertEquals(3, fonts.fallbacksRead(), "Hangul is in none of the embedded fonts");
    }

    @Test
    void koreanTitlesPrintInTheStandardKoreanFontOfPdf() throws Exception {
        List<LabelCopy> copies = List.of(
                new LabelCopy("LHS1", "LHS", KOREAN, "한강", "FIC HAN"),
                new LabelCopy("LHS2", "LHS", "Holes", "Sachar, Louis", "FIC SAC"));
        byte[] pdf = LabelPdf.render(copies, LabelLayout.AVERY_5160, LabelPdf.Kind.BARCODE,
                LabelPdf.Symbology.CODE128, 0);
        PdfReader reader = new PdfReader(pdf);

        PdfDictionary korean = null;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary font && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))
                    && font.get(PdfName.BASEFONT).toString().startsWith("/HYGoThic-Medium")) {
                korean = font;
            }
        }
        assertTrue(korean != null, "no HYGoThic-Medium font in " + type0Names(reader));
        assertEquals("/UniKS-UCS2-H", korean.get(PdfName.ENCODING).toString());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains("Sachar, Louis") && text.contains("LHS1"), text);
        // the UniKS-UCS2-H CMap reads the text as UCS-2: the page draws the title's own code units in that font
        // (OpenPDF's extractor cannot map that CMap back; pdftotext gives the Korean text)
        String page = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1)
                .replaceAll("\\\\([()\\\\])", "$1"); // the escapes of PDF literal strings
        assertTrue(page.contains(new String(KOREAN.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1)),
                "the Korean title is not drawn");
        assertTrue(page.contains(new String("한강".getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1)),
                "the Korean author is not drawn");
    }

    private static List<String> type0Names(PdfReader reader) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary font && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))) {
                names.add(font.get(PdfName.BASEFONT).toString());
            }
        }
        return names;
    }

    @Test
    void cjkHebrewAndArabicTitlesAreEmbeddedAndCanBeExtracted() throws Exception {
        List<LabelCopy> copies = List.of(
                new LabelCopy("LHS1", "LHS", CHINESE, "刘慈欣", "FIC LIU"),
                new LabelCopy("LHS2", "LHS", JAPANESE, "村上春樹", "FIC MUR"),
                new LabelCopy("LHS3", "LHS", HEBREW, "שלום עליכם", "892.43 SHO"),
                new LabelCopy("LHS4", "LHS", ARABIC, "مجهول", "892.7 ALF"),
                new LabelCopy("LHS5", "LHS", "Holes", "Sachar, Louis", "FIC SAC"));
        byte[] pdf = LabelPdf.render(copies, LabelLayout.AVERY_5160, LabelPdf.Kind.BARCODE,
                LabelPdf.Symbology.CODE128, 0);
        PdfReader reader = new PdfReader(pdf);

        List<String> embedded = type0Fonts(reader);
        assertTrue(embedded.stream().anyMatch(n -> n.matches("/[A-Z]{6}\\+LiberationSans.*")), embedded.toString());
        assertTrue(embedded.stream().anyMatch(n -> n.matches("/[A-Z]{6}\\+KurintoSans.*")), embedded.toString());
        assertTrue(embedded.stream().anyMatch(n -> n.matches("/[A-Z]{6}\\+NotoSansSC.*")), embedded.toString());

        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains(CHINESE) && text.contains("刘慈欣"), text);
        // kana and kanji may come from two fonts: the extractor puts a space between the runs
        assertTrue(text.replace(" ", "").contains(JAPANESE) && text.contains("村上春樹"), text);
        assertTrue(text.contains("Sachar, Louis") && text.contains("LHS5"), text);
        // right-to-left runs are laid out in visual order and Arabic letters in their joined forms
        String letters = Normalizer.normalize(text, Normalizer.Form.NFKC);
        assertTrue(containsEitherWay(letters, "שלום"), text);
        assertTrue(containsEitherWay(letters, "ليلة"), text);
    }

    private static boolean containsEitherWay(String text, String word) {
        return text.contains(word) || text.contains(new StringBuilder(word).reverse().toString());
    }

    private static List<String> type0Fonts(PdfReader reader) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PdfDictionary font && PdfName.TYPE0.equals(font.get(PdfName.SUBTYPE))) {
                names.add(font.get(PdfName.BASEFONT).toString());
                assertEquals("/Identity-H", font.get(PdfName.ENCODING).toString());
            }
        }
        return names;
    }
}
