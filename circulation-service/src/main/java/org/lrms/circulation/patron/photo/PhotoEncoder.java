package org.lrms.circulation.patron.photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The picture as it is stored: decoded and written again as a JPEG of at most {@code storedSide} pixels on its long
 * side, never the uploaded bytes. A phone's JPEG carries EXIF (where it was taken, often the family's home; when; the
 * device), and what is not written again is not kept: no EXIF, XMP, ICC or text chunk survives. A desk shows some
 * 200 pixels, so 600 is plenty. Decoded with source subsampling chosen from the header's size, so a 4000 x 4000
 * upload never needs its full raster. A PNG's transparency is flattened on white. A phone's EXIF orientation (its
 * sensor is landscape; the tag says how to turn the picture) is applied to the pixels before the EXIF is dropped, so
 * a portrait stays upright. Plain Java, no framework.
 */
final class PhotoEncoder {

    /** A picture written for storage: its JPEG bytes and its size in pixels. */
    record EncodedPhoto(byte[] jpeg, int width, int height) {
    }

    private static final float QUALITY = 0.85f;

    private PhotoEncoder() {
    }

    /** The checked picture re-encoded; refused 422 {@code not-an-image} when its pixels cannot be decoded. */
    static EncodedPhoto reencode(byte[] bytes, CheckedPhoto photo, int storedSide) {
        int longSide = Math.max(photo.width(), photo.height());
        double scale = Math.min(1.0, (double) storedSide / longSide);
        int width = Math.max(1, (int) Math.round(photo.width() * scale));
        int height = Math.max(1, (int) Math.round(photo.height() * scale));
        // every n-th pixel, still at least twice the stored size: the scaling below smooths what subsampling skips
        int subsampling = Math.max(1, longSide / (2 * storedSide));
        BufferedImage decoded = decode(bytes, photo.contentType(), subsampling).orElseThrow(PhotoRefused::notAnImage);
        if (decoded.getWidth() < width || decoded.getHeight() < height) {
            throw PhotoRefused.notAnImage(); // not the size its header said
        }
        BufferedImage upright = upright(scaled(decoded, width, height),
                PhotoCheck.JPEG.equals(photo.contentType()) ? exifOrientation(bytes) : 1);
        return new EncodedPhoto(jpeg(upright), upright.getWidth(), upright.getHeight());
    }

    /**
     * The EXIF orientation of a JPEG (1 to 8, TIFF tag 0x0112 of IFD0 in the APP1 {@code Exif} segment), 1 when it
     * has none or it cannot be read: the markers before the image data are walked, nothing past them.
     */
    static int exifOrientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image
                break;
            }
            int length = u16(jpeg, i + 2, true);
            int end = i + 2 + length;
            if (length < 2 || end > jpeg.length) {
                break;
            }
            if (marker == 0xE1 && length >= 16 && isExif(jpeg, i + 4)) {
                return tiffOrientation(jpeg, i + 10, end);
            }
            i = end;
        }
        return 1;
    }

    private static boolean isExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0
                && b[at + 5] == 0;
    }

    /** The orientation in the TIFF structure at {@code tiff} (to {@code end}), 1 when it has none. */
    private static int tiffOrientation(byte[] b, int tiff, int end) {
        boolean bigEndian;
        if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            bigEndian = true;
        } else if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            bigEndian = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, bigEndian);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int count = u16(b, (int) ifd, bigEndian);
        for (int k = 0; k < count; k++) {
            int entry = (int) ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, bigEndian) == 0x0112 && u16(b, entry + 2, bigEndian) == 3) { // a SHORT
                int orientation = u16(b, entry + 8, bigEndian);
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean bigEndian) {
        int hi = b[bigEndian ? at : at + 1] & 0xFF;
        int lo = b[bigEndian ? at + 1 : at] & 0xFF;
        return hi << 8 | lo;
    }

    private static long u32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? (long) u16(b, at, true) << 16 | u16(b, at + 2, true)
                : (long) u16(b, at + 2, false) << 16 | u16(b, at, false);
    }

    /** The image turned (and mirrored) as the EXIF orientation says: 1 as it is, 6 a quarter turn clockwise, etc. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        int outWidth = out.getWidth();
        int[] result = new int[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // where pixel (x, y) goes, as (column, row) of the upright picture
                int to = switch (orientation) {
                    case 2 -> y * outWidth + (w - 1 - x);           // mirrored
                    case 3 -> (h - 1 - y) * outWidth + (w - 1 - x); // half a turn
                    case 4 -> (h - 1 - y) * outWidth + x;           // mirrored upside down
                    case 5 -> x * outWidth + y;                     // transposed
                    case 6 -> x * outWidth + (h - 1 - y);           // a quarter turn clockwise
                    case 7 -> (w - 1 - x) * outWidth + (h - 1 - y); // transversed
                    default -> (w - 1 - x) * outWidth + y;          // 8: a quarter turn anticlockwise
                };
                result[to] = pixels[y * w + x];
            }
        }
        out.setRGB(0, 0, out.getWidth(), out.getHeight(), result, 0, outWidth);
        return out;
    }

    private static Optional<BufferedImage> decode(byte[] bytes, String type, int subsampling) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // in memory: ImageIO.createImageInputStream may cache to a temporary file
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image != null) {
                    return Optional.of(image);
                }
            } catch (IOException | RuntimeException undecodable) {
                // data broken past the header: try the next reader, else it is not a picture
            } finally {
                reader.dispose();
            }
        }
        return Optional.empty();
    }

    /** Halved while twice the target fits (each step bilinear, so no pixel is skipped), then to the target. */
    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        do {
            current = drawn(current, Math.max(width, current.getWidth() / 2),
                    Math.max(height, current.getHeight() / 2));
        } while (current.getWidth() != width || current.getHeight() != height);
        return current;
    }

    /** The image drawn at that size on white, without alpha (what a JPEG can hold). */
    private static BufferedImage drawn(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(PhotoCheck.JPEG).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param); // no metadata but the JFIF header
        } catch (IOException e) {
            throw new UncheckedIOException("the picture could not be written", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
