package org.lrms.circulation.patron.photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Pictures and zips made in the tests: real JPEG and PNG files written by javax.imageio. */
final class Pictures {

    private Pictures() {
    }

    /** A {@code width} x {@code height} picture in {@code format} ("jpg", "png"), its pixels told by {@code seed}. */
    static byte[] image(String format, int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 + y * 13 + seed * 101) * 0x010305 & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(int seed) {
        return image("jpg", 40, 50, seed);
    }

    static byte[] png(int seed) {
        return image("png", 30, 20, seed);
    }

    /**
     * The JPEG with an EXIF segment (APP1, {@code Exif\0\0}) right after its start, as a phone writes one; the
     * segment holds {@code marker} where a phone keeps the GPS position.
     */
    static byte[] withExif(byte[] jpeg, String marker) {
        return withSegment(jpeg, 0xE1,
                ("Exif\0\0MM\0*\0\0\0\u0008" + marker + "\0").getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The JPEG with the EXIF orientation tag (0x0112, big-endian TIFF) set to {@code orientation}, as a phone writes
     * a portrait taken with its landscape sensor (6: turn a quarter clockwise to see it upright).
     */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at 8
                0, 1, // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1, value
                0, 0, 0, 0}; // no next IFD
        return withSegment(jpeg, 0xE1, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
    }

    /**
     * The JPEG with a whole small JPEG (with its own end-of-image marker) inside an APP1 segment after its start, as
     * a camera keeps its thumbnail.
     */
    static byte[] withThumbnail(byte[] jpeg, byte[] thumbnail) {
        return withSegment(jpeg, 0xE1, new byte[]{'E', 'x', 'i', 'f', 0, 0}, thumbnail);
    }

    /** The JPEG with a segment {@code FF marker}, its length, then {@code parts}, right after its start (SOI). */
    private static byte[] withSegment(byte[] jpeg, int marker, byte[]... parts) {
        int length = 2;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A JPEG whose left half is black and right half white. */
    static byte[] halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A PNG whose header and chunks are whole (to its {@code IEND}) but whose compressed pixel data is garbage: its
     * size can be read, its pixels not.
     */
    static byte[] brokenPng() {
        byte[] png = image("png", 300, 200, 3);
        int idat = new String(png, StandardCharsets.ISO_8859_1).indexOf("IDAT");
        int length = (png[idat - 4] & 0xFF) << 24 | (png[idat - 3] & 0xFF) << 16 | (png[idat - 2] & 0xFF) << 8
                | png[idat - 1] & 0xFF;
        Random garbage = new Random(3);
        for (int i = idat + 4 + 2; i < idat + 4 + length; i++) { // after the zlib header
            png[i] = (byte) garbage.nextInt(256);
        }
        return png;
    }

    /** The first {@code fraction} of the file's bytes: an upload interrupted, a file damaged in the vendor's zip. */
    static byte[] cut(byte[] picture, double fraction) {
        return Arrays.copyOf(picture, (int) (picture.length * fraction));
    }

    /** The file without its last {@code bytes} bytes (a JPEG's end-of-image marker is its last two). */
    static byte[] withoutLast(byte[] picture, int bytes) {
        return Arrays.copyOf(picture, picture.length - bytes);
    }

    /** A progressive JPEG (scan after scan, coarse to fine), as photo software often saves one. */
    static byte[] progressiveJpeg(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 5 + y * 11 + seed * 97) * 0x030201 & 0xFFFFFF);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return written(writer, new IIOImage(image, null, null), param);
    }

    /**
     * A CMYK JPEG (four components a pixel, as made for print): a four-band raster written by javax.imageio's JPEG
     * writer, which writes it as it is, without JFIF.
     */
    static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[]{x * 255 / width, y * 255 / height, 40, 10});
            }
        }
        return written(ImageIO.getImageWritersByFormatName("jpg").next(), new IIOImage(raster, null, null), null);
    }

    /**
     * The four-component JPEG marked as Adobe software marks its own (APP14 {@code Adobe}, its transform
     * {@code 0} CMYK or {@code 2} YCCK).
     */
    static byte[] withAdobeMarker(byte[] jpeg, int transform) {
        return withSegment(jpeg, 0xEE, new byte[]{'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform});
    }

    private static byte[] written(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Whether the bytes are a JPEG (by their signature). */
    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    /** Width and height of the picture, as javax.imageio decodes it. */
    static int[] size(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return new int[]{image.getWidth(), image.getHeight()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code text} occurs in the bytes (read as ISO-8859-1). */
    static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    /** A zip of the entries in order (a name ending in '/' is a folder), deflated. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
