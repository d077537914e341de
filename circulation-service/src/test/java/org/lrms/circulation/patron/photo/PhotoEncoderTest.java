package org.lrms.circulation.patron.photo;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picture as stored, plain JUnit: re-encoded as a JPEG of at most 600 pixels, without the upload's metadata. */
class PhotoEncoderTest {

    /** The bytes not limited here: a 4000-pixel test picture is not a compressed photo. */
    private static final PhotoLimits LIMITS = new PhotoLimits(64 * 1024 * 1024, 4000);

    private static PhotoEncoder.EncodedPhoto stored(byte[] upload) {
        return PhotoEncoder.reencode(upload, PhotoCheck.check(upload, LIMITS), 600);
    }

    @Test
    void aPictureIsStoredAsAJpegOfAtMost600PixelsOnItsLongSide() {
        PhotoEncoder.EncodedPhoto png = stored(Pictures.image("png", 1200, 800, 1));
        assertTrue(Pictures.isJpeg(png.jpeg()));
        assertEquals(600, png.width());
        assertEquals(400, png.height());
        assertArrayEquals(new int[]{600, 400}, Pictures.size(png.jpeg()));

        PhotoEncoder.EncodedPhoto portrait = stored(Pictures.image("jpg", 800, 1200, 2));
        assertArrayEquals(new int[]{400, 600}, Pictures.size(portrait.jpeg()));

        // a smaller one keeps its size
        PhotoEncoder.EncodedPhoto small = stored(Pictures.jpeg(3));
        assertArrayEquals(new int[]{40, 50}, new int[]{small.width(), small.height()});
        assertArrayEquals(new int[]{40, 50}, Pictures.size(small.jpeg()));
    }

    @Test
    void aLargePictureIsDecodedSubsampledToTheStoredSize() {
        // 4000 across: read every third pixel (1334 across), then scaled to 600
        PhotoEncoder.EncodedPhoto wide = stored(Pictures.image("png", 4000, 1000, 4));
        assertArrayEquals(new int[]{600, 150}, new int[]{wide.width(), wide.height()});
        assertArrayEquals(new int[]{600, 150}, Pictures.size(wide.jpeg()));
    }

    @Test
    void thePhonesExifIsNotKept() {
        byte[] upload = Pictures.withExif(Pictures.image("jpg", 120, 160, 5), "GPS-SECRET 37.7749N 122.4194W");
        assertTrue(Pictures.contains(upload, "Exif") && Pictures.contains(upload, "GPS-SECRET"), "the upload has it");
        byte[] jpeg = stored(upload).jpeg();
        assertFalse(Pictures.contains(jpeg, "Exif"));
        assertFalse(Pictures.contains(jpeg, "GPS-SECRET"));
        assertArrayEquals(new int[]{120, 160}, Pictures.size(jpeg));
    }

    @Test
    void aPhonePortraitIsTurnedUprightAsItsExifSaysBeforeTheExifIsDropped() throws IOException {
        // the sensor's landscape, left half black: a quarter turn clockwise puts the black on top
        byte[] upload = Pictures.withOrientation(Pictures.halves(160, 100), 6);
        assertEquals(6, PhotoEncoder.exifOrientation(upload));
        PhotoEncoder.EncodedPhoto photo = stored(upload);
        assertArrayEquals(new int[]{100, 160}, new int[]{photo.width(), photo.height()});
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertArrayEquals(new int[]{100, 160}, new int[]{back.getWidth(), back.getHeight()});
        assertTrue((back.getRGB(50, 20) & 0xFF) < 40, "black on top");
        assertTrue((back.getRGB(50, 140) & 0xFF) > 215, "white below");
        assertFalse(Pictures.contains(photo.jpeg(), "Exif"));

        assertEquals(3, PhotoEncoder.exifOrientation(Pictures.withOrientation(Pictures.jpeg(1), 3)));
        assertEquals(1, PhotoEncoder.exifOrientation(Pictures.jpeg(1)), "none");
        assertEquals(1, PhotoEncoder.exifOrientation(Pictures.withExif(Pictures.jpeg(1), "no TIFF here")));
        assertArrayEquals(new int[]{40, 50},
                Pictures.size(stored(Pictures.withOrientation(Pictures.jpeg(1), 3)).jpeg()), "a half turn keeps the size");
    }

    @Test
    void eachOfTheEightOrientationsPutsTheFirstPixelWhereItBelongs() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        // where the sensor's top-left pixel is once upright, per orientation 1 to 8 (5 to 8 turned: 2 x 3)
        int[][] corner = {{0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = PhotoEncoder.upright(image, orientation);
            assertEquals(orientation >= 5 ? 2 : 3, upright.getWidth(), "orientation " + orientation);
            int[] at = corner[orientation - 1];
            assertEquals(0xFF0000, upright.getRGB(at[0], at[1]) & 0xFFFFFF, "orientation " + orientation);
        }
    }

    @Test
    void aTransparentPngIsFlattenedOnWhite() throws IOException {
        BufferedImage clear = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB); // every pixel transparent
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(clear, "png", png);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored(png.toByteArray()).jpeg()));
        int rgb = back.getRGB(10, 5) & 0xFFFFFF;
        assertTrue((rgb >> 16 & 0xFF) > 245 && (rgb >> 8 & 0xFF) > 245 && (rgb & 0xFF) > 245,
                "white, not black: " + Integer.toHexString(rgb));
    }

    @Test
    void aPictureWhosePixelsCannotBeDecodedIsNotAnImage() {
        byte[] broken = Pictures.brokenPng();
        CheckedPhoto header = PhotoCheck.check(broken, LIMITS); // its header and chunks are whole
        assertEquals(new CheckedPhoto("image/png", 300, 200), header);
        PhotoRefused refused = assertThrows(PhotoRefused.class, () -> PhotoEncoder.reencode(broken, header, 600));
        assertEquals(422, refused.status());
        assertEquals("not-an-image", refused.code());
    }
}
