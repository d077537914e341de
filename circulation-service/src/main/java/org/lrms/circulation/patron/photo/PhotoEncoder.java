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
 * upload never needs its full raster. A PNG's transparency is flattened on white. Plain Java, no framework.
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
        return new EncodedPhoto(jpeg(scaled(decoded, width, height)), width, height);
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
                // a CMYK JPEG, data broken past the header: try the next reader, else it is not a picture
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
            current = drawn(current, Math.max(width, current.getWidth() / 2), Math.max(height, current.getHeight() / 2));
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
