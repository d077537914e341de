package org.lrms.catalog.label;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Label sheets, US Letter, measured in inches as the manufacturer prints them; {@link #cell} answers PDF points
 * (1/72 inch, origin bottom left).
 */
public enum LabelLayout {
    /** 30 labels, 1" x 2 5/8", 3 columns of 10. */
    AVERY_5160(3, 10, 2.625, 1.0, 0.1875, 0.5, 2.75, 1.0),
    /** 20 labels, 1" x 4", 2 columns of 10. */
    AVERY_5161(2, 10, 4.0, 1.0, 0.15625, 0.5, 4.1875, 1.0);

    static final float POINTS_PER_INCH = 72f;
    static final float PAGE_WIDTH = 8.5f * POINTS_PER_INCH;
    static final float PAGE_HEIGHT = 11f * POINTS_PER_INCH;

    public record Cell(float x, float y, float width, float height) {
    }

    public final int columns;
    public final int rows;
    private final double width;
    private final double height;
    private final double left;
    private final double top;
    private final double horizontalPitch;
    private final double verticalPitch;

    LabelLayout(int columns, int rows, double width, double height, double left, double top, double horizontalPitch,
                double verticalPitch) {
        this.columns = columns;
        this.rows = rows;
        this.width = width;
        this.height = height;
        this.left = left;
        this.top = top;
        this.horizontalPitch = horizontalPitch;
        this.verticalPitch = verticalPitch;
    }

    public int perSheet() {
        return columns * rows;
    }

    /** The label at {@code position} (0-based, left to right, then top to bottom) of a sheet. */
    public Cell cell(int position) {
        int row = position / columns;
        int column = position % columns;
        float x = (float) ((left + column * horizontalPitch) * POINTS_PER_INCH);
        float yTop = (float) ((top + row * verticalPitch) * POINTS_PER_INCH);
        float h = (float) (height * POINTS_PER_INCH);
        return new Cell(x, PAGE_HEIGHT - yTop - h, (float) (width * POINTS_PER_INCH), h);
    }

    public static Optional<LabelLayout> parse(String raw) {
        if (raw == null) {
            return Optional.of(AVERY_5160);
        }
        String name = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        String normalized = name.startsWith("AVERY_") ? name : "AVERY_" + name;
        return Arrays.stream(values()).filter(l -> l.name().equals(normalized)).findFirst();
    }
}
