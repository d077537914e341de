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
 * javax.imageio reads them from the header (the pixels are not decoded: a small file may declare a huge image).
 * Plain Java, no framework.
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
     * larger than the limit, not a JPEG or PNG, another type than declared, or wider or higher than the limit.
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
        return new CheckedPhoto(type, size[0], size[1]);
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
