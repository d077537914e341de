package org.lrms.circulation.patron.photo;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether bytes are a JPEG or PNG picture within the limits: the file's signature, then its width and height as
 * javax.imageio reads them from the header (the pixels are not decoded: a small file may declare a huge image), then
 * its structure walked to its end: a file cut off part-way (an interrupted upload, a damaged file in a vendor's zip)
 * has no end-of-image marker (JPEG {@code EOI}, PNG {@code IEND}), and javax.imageio would decode it with the missing
 * part grey. A JPEG of four color channels (CMYK or YCCK, as made for print) is refused too: javax.imageio decodes it
 * with wrong colors (no CMYK profile to go by), so it would be stored dark and off-color. Plain Java, no framework.
 */
public final class PhotoCheck {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PhotoCheck() {
    }

    /** The media type a request declared, if it is one a picture may have ({@code image/jpeg}, {@code image/png}). */
    public static Optional<String> acceptedType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case JPEG, "image/jpg", "image/pjpeg" -> Optional.of(JPEG);
            case PNG -> Optional.of(PNG);
            default -> Optional.empty();
        };
    }

    /** The picture's type by its signature (the first bytes), whatever it was called. */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /**
     * Checks the bytes of an upload declared as {@code declaredType}: refused (see {@link PhotoRefused}) when empty,
     * larger than the limit, not a JPEG or PNG, another type than declared, wider or higher than the limit, cut off
     * before its end, or a CMYK JPEG.
     */
    public static CheckedPhoto check(byte[] bytes, String declaredType, PhotoLimits limits) {
        CheckedPhoto photo = check(bytes, limits);
        if (declaredType != null && !declaredType.equals(photo.contentType())) {
            throw PhotoRefused.mismatch(declaredType, photo.contentType());
        }
        return photo;
    }

    /** Checks bytes of either type (a zip's entry, whose name may say .jpg of a PNG). */
    public static CheckedPhoto check(byte[] bytes, PhotoLimits limits) {
        if (bytes == null || bytes.length == 0) {
            throw PhotoRefused.empty();
        }
        if (bytes.length > limits.maxBytes()) {
            throw PhotoRefused.tooLarge(limits);
        }
        String type = sniff(bytes).orElseThrow(PhotoRefused::notAnImage);
        int[] size = dimensions(bytes, type).orElseThrow(PhotoRefused::notAnImage);
        if (size[0] <= 0 || size[1] <= 0) {
            throw PhotoRefused.notAnImage();
        }
        if (size[0] > limits.maxSide() || size[1] > limits.maxSide()) {
            throw PhotoRefused.tooManyPixels(limits, size[0], size[1]);
        }
        if (JPEG.equals(type)) {
            checkJpegStructure(bytes);
        } else if (!pngComplete(bytes)) {
            throw PhotoRefused.incomplete();
        }
        return new CheckedPhoto(type, size[0], size[1]);
    }

    /**
     * Walks a JPEG's markers from its start to its end-of-image ({@code FFD9}), as a decoder reads them: a segment by
     * its length, a scan's entropy-coded data to the next marker (not {@code FF00}, a stuffed byte, nor a restart
     * marker). Refused as {@link PhotoRefused#incomplete} when the bytes end first, and as
     * {@link PhotoRefused#cmyk} when a frame has four components. What follows the end (a camera's trailer) is not
     * read; stray bytes between segments are skipped, as decoders do.
     */
    private static void checkJpegStructure(byte[] b) {
        int i = 2; // after SOI
        while (true) {
            while (i < b.length && (b[i] & 0xFF) != 0xFF) {
                i++; // stray bytes before a marker
            }
            while (i < b.length && (b[i] & 0xFF) == 0xFF) {
                i++; // the marker's FF, and fill bytes
            }
            if (i >= b.length) {
                throw PhotoRefused.incomplete();
            }
            int marker = b[i++] & 0xFF;
            if (marker == 0xD9) { // EOI
                return;
            }
            if (marker == 0x00 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                continue; // a stray stuffed byte; TEM, RSTn, SOI: no length
            }
            if (i + 2 > b.length) {
                throw PhotoRefused.incomplete();
            }
            int length = (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
            int end = i + length;
            if (length < 2 || end > b.length) {
                throw PhotoRefused.incomplete();
            }
            if (isStartOfFrame(marker) && length >= 8 && (b[i + 7] & 0xFF) == 4) {
                throw PhotoRefused.cmyk();
            }
            i = end;
            if (marker == 0xDA) { // SOS: its entropy-coded data runs to the next marker
                i = nextMarker(b, i);
            }
        }
    }

    /** SOF0 to SOF15, but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Where the next marker (its {@code FF}) in entropy-coded data is, or the end of the bytes. */
    private static int nextMarker(byte[] b, int from) {
        int i = from;
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
                i += next == 0xFF ? 1 : 2;
            } else {
                i++;
            }
        }
        return b.length;
    }

    /** Whether a PNG's chunks (length, type, data, CRC each) run whole from the signature to its {@code IEND}. */
    private static boolean pngComplete(byte[] b) {
        long i = PNG_SIGNATURE.length;
        while (i + 12 <= b.length) {
            int at = (int) i;
            long length = (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
            if (b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D') {
                return true;
            }
            i += 12 + length;
        }
        return false;
    }

    /** Width and height from the header, by a reader of that format; empty when it cannot read them. */
    private static Optional<int[]> dimensions(byte[] bytes, String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // in memory: ImageIO.createImageInputStream may cache to a temporary file
            try (InputStream in = new ByteArrayInputStream(bytes);
                 ImageInputStream image = new MemoryCacheImageInputStream(in)) {
                reader.setInput(image, true, true);
                return Optional.of(new int[]{reader.getWidth(0), reader.getHeight(0)});
            } catch (IOException | RuntimeException unreadable) {
                // a truncated or forged header: try the next reader, else it is not a picture
            } finally {
                reader.dispose();
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes != null && bytes.length >= signature.length
                && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }
}
