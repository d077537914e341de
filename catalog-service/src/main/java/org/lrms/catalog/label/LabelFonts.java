package org.lrms.catalog.label;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of one label document, with a fallback per character: Liberation Sans first (Latin, Greek, Cyrillic;
 * Helvetica's metrics, so the layout stays as it was), then Kurinto Sans (Hebrew, Arabic, Thai, Devanagari...), then
 * Noto Sans SC (Chinese characters, Japanese kana). Every font is embedded as a subset with Identity-H, and a fallback
 * is read only by a document that needs it (Noto Sans SC is 10 MB). Text with right-to-left letters is drawn through
 * OpenPDF's bidirectional layout, which also joins Arabic letters.
 * <p>
 * Korean Hangul is in none of those fonts, and no font with it is served from Maven Central: it prints in
 * {@code HYGoThic-Medium}, one of the standard CJK fonts of PDF (Adobe-Korea1 with the {@code UniKS-UCS2-H} CMap, both
 * shipped with OpenPDF). That font is named, not embedded: the PDF reader draws it with a Korean font of its machine,
 * as it does any standard CJK font (Acrobat offers its Asian font pack; browsers and Preview use the system's fonts).
 */
final class LabelFonts {

    static final String REGULAR = "liberation/LiberationSans-Regular.ttf";
    static final String BOLD = "liberation/LiberationSans-Bold.ttf";
    /** Unpacked from com.helger.font:ph-fonts-kurinto-sans and ph-fonts-noto-sans-sc at build time (see the pom). */
    static final List<String> FALLBACKS = List.of("labels/fonts/ttf/Kurinto/KurintoSans-Rg.ttf",
            "labels/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf");
    /** The last fallback, for Korean Hangul: a standard PDF font the reader supplies (not embedded). */
    static final String KOREAN = "HYGoThic-Medium";
    private static final String KOREAN_CMAP = "UniKS-UCS2-H";

    private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

    final BaseFont regular;
    final BaseFont bold;
    private final List<BaseFont> fallbacks = new ArrayList<>();

    /** One set per document: each font collects the glyphs its document uses, and only those are embedded. */
    LabelFonts() throws DocumentException, IOException {
        this.regular = load(REGULAR);
        this.bold = load(BOLD);
    }

    /** Draws {@code text} on the baseline at (x, y): each character in the first font that has it, from {@code primary}. */
    void show(PdfContentByte canvas, BaseFont primary, float size, float x, float y, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!needsMore(primary, text)) {
            canvas.beginText();
            canvas.setFontAndSize(primary, size);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            return;
        }
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, phrase(primary, size, text), x, y, 0,
                rightToLeft(text) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR, 0);
    }

    /** The width of {@code text} as {@link #show} draws it. */
    float width(BaseFont primary, float size, String text) {
        if (!needsMore(primary, text)) {
            return primary.getWidthPoint(text, size);
        }
        float width = 0;
        for (Object chunk : phrase(primary, size, text).getChunks()) {
            Chunk c = (Chunk) chunk;
            width += c.getFont().getBaseFont().getWidthPoint(c.getContent(), size);
        }
        return width;
    }

    /** Cuts text to the label's width, with an ellipsis. */
    String fit(String text, BaseFont primary, float size, float width) {
        String t = text == null ? "" : text;
        if (width(primary, size, t) <= width) {
            return t;
        }
        while (!t.isEmpty() && width(primary, size, t + "...") > width) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        }
        return t.strip() + "...";
    }

    /** The font {@link #show} draws {@code codePoint} with: the first that has it, else {@code primary}. */
    BaseFont fontFor(BaseFont primary, int codePoint) {
        if (primary.charExists(codePoint) || Character.isWhitespace(codePoint)) {
            return primary;
        }
        for (BaseFont fallback : fallbacks(new String(Character.toChars(codePoint)))) {
            if (fallback.charExists(codePoint)) {
                return fallback;
            }
        }
        return primary;
    }

    private Phrase phrase(BaseFont primary, float size, String text) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(primary, size));
        for (BaseFont fallback : fallbacks(text)) {
            selector.addFont(new Font(fallback, size));
        }
        return selector.process(text);
    }

    private boolean needsMore(BaseFont primary, String text) {
        return Bidi.requiresBidi(text.toCharArray(), 0, text.length())
                || text.codePoints().anyMatch(c -> !primary.charExists(c) && !Character.isWhitespace(c));
    }

    private static boolean rightToLeft(String text) {
        return !new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
    }

    /** The fallbacks read so far: the next one is read only for a character none of them has. */
    private List<BaseFont> fallbacks(String text) {
        text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> {
            while (fallbacks.size() <= FALLBACKS.size() && fallbacks.stream().noneMatch(f -> f.charExists(c))) {
                try {
                    fallbacks.add(fallbacks.size() < FALLBACKS.size() ? load(FALLBACKS.get(fallbacks.size()))
                            : BaseFont.createFont(KOREAN, KOREAN_CMAP, BaseFont.NOT_EMBEDDED));
                } catch (DocumentException e) {
                    throw new IllegalStateException("label fonts cannot be read", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return fallbacks;
    }

    /** How many fallback fonts this document has read (each is embedded once it draws a character, but Korean's). */
    int fallbacksRead() {
        return fallbacks.size();
    }

    private static BaseFont load(String resource) throws DocumentException, IOException {
        byte[] ttf = FONT_FILES.computeIfAbsent(resource, LabelFonts::readFont);
        return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
    }

    private static byte[] readFont(String resource) {
        try (InputStream in = LabelFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
