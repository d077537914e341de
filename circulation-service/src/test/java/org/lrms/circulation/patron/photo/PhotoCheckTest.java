package org.lrms.circulation.patron.photo;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks of a picture's bytes, plain JUnit: signature, dimensions read by javax.imageio, limits. */
class PhotoCheckTest {

    private static final PhotoLimits LIMITS = new PhotoLimits(2 * 1024 * 1024, 4000);

    @Test
    void aJpegAndAPngAreTakenWithTheirTypeAndSize() {
        assertEquals(new CheckedPhoto("image/jpeg", 40, 50), PhotoCheck.check(Pictures.jpeg(1), "image/jpeg", LIMITS));
        assertEquals(new CheckedPhoto("image/png", 30, 20), PhotoCheck.check(Pictures.png(1), "image/png", LIMITS));
        // a zip's entry: whatever its name said, the bytes tell
        assertEquals("image/png", PhotoCheck.check(Pictures.png(2), LIMITS).contentType());
    }

    @Test
    void theDeclaredTypeIsReadAsRequestsSendIt() {
        assertEquals(Optional.of("image/jpeg"), PhotoCheck.acceptedType("IMAGE/JPEG; charset=binary"));
        assertEquals(Optional.of("image/jpeg"), PhotoCheck.acceptedType("image/jpg"));
        assertEquals(Optional.of("image/png"), PhotoCheck.acceptedType("image/png"));
        assertEquals(Optional.empty(), PhotoCheck.acceptedType("image/gif"));
        assertEquals(Optional.empty(), PhotoCheck.acceptedType("text/plain"));
        assertEquals(Optional.empty(), PhotoCheck.acceptedType(null));
    }

    @Test
    void bytesThatAreNoPictureAreRefusedByName() {
        assertEquals("invalid-request", refusal(new byte[0], null).code());
        assertEquals("not-an-image", refusal("just some notes".getBytes(StandardCharsets.UTF_8), "image/jpeg").code());
        // the JPEG signature, then nothing a reader can take
        byte[] forged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
        assertEquals("not-an-image", refusal(forged, "image/jpeg").code());
        // a PNG cut after its header
        assertEquals("not-an-image", refusal(Arrays.copyOf(Pictures.png(3), 20), "image/png").code());
        PhotoRefused mismatch = refusal(Pictures.png(4), "image/jpeg");
        assertEquals("content-type-mismatch", mismatch.code());
        assertEquals(422, mismatch.status());
        assertEquals("the body is a PNG picture, not image/jpeg: send it as image/png", mismatch.getMessage());
    }

    @Test
    void aPictureCutOffBeforeItsEndIsRefusedAsDamagedOrIncomplete() {
        byte[] jpeg = Pictures.image("jpg", 400, 300, 6);
        byte[] png = Pictures.image("png", 300, 200, 7);
        byte[] progressive = Pictures.progressiveJpeg(400, 300, 8);
        // a camera's thumbnail is a whole JPEG of its own: its end is not the picture's
        byte[] withThumbnail = Pictures.withThumbnail(jpeg, Pictures.jpeg(9));
        // the whole files are taken, also with bytes after the JPEG's end (a camera's trailer)
        assertEquals(new CheckedPhoto("image/jpeg", 400, 300), PhotoCheck.check(jpeg, "image/jpeg", LIMITS));
        assertEquals(new CheckedPhoto("image/png", 300, 200), PhotoCheck.check(png, "image/png", LIMITS));
        assertEquals(new CheckedPhoto("image/jpeg", 400, 300), PhotoCheck.check(progressive, LIMITS));
        assertEquals(new CheckedPhoto("image/jpeg", 400, 300), PhotoCheck.check(withThumbnail, LIMITS));
        byte[] trailer = Arrays.copyOf(jpeg, jpeg.length + 100);
        assertEquals(new CheckedPhoto("image/jpeg", 400, 300), PhotoCheck.check(trailer, LIMITS));

        for (byte[] cut : new byte[][]{Pictures.cut(jpeg, 0.5), Pictures.cut(jpeg, 0.9), Pictures.withoutLast(jpeg, 2),
                Pictures.withoutLast(jpeg, 1), Pictures.cut(progressive, 0.6), Pictures.cut(withThumbnail, 0.7),
                Pictures.cut(png, 0.7), Pictures.withoutLast(png, 4)}) {
            PhotoRefused refused = assertThrows(PhotoRefused.class, () -> PhotoCheck.check(cut, LIMITS));
            assertEquals(422, refused.status());
            assertEquals("not-an-image", refused.code());
            assertEquals("the picture is damaged or incomplete: the file ends before its image does (an interrupted "
                    + "upload or a damaged file); send the whole file again", refused.getMessage());
        }
    }

    @Test
    void aCmykJpegIsRefusedByItsColorModel() {
        byte[] cmyk = Pictures.cmykJpeg(64, 48);
        for (byte[] fourChannels : new byte[][]{cmyk, Pictures.withAdobeMarker(cmyk, 0),
                Pictures.withAdobeMarker(cmyk, 2)}) {
            PhotoRefused refused = refusal(fourChannels, "image/jpeg");
            assertEquals(422, refused.status());
            assertEquals("unsupported-color-model", refused.code());
            assertTrue(refused.getMessage().contains("CMYK") && refused.getMessage().contains("save it as RGB"),
                    refused.getMessage());
        }
        // a grey JPEG (one component) is taken
        BufferedImage grey = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(write(grey, out));
        assertEquals(new CheckedPhoto("image/jpeg", 20, 10), PhotoCheck.check(out.toByteArray(), LIMITS));
    }

    private static boolean write(BufferedImage image, ByteArrayOutputStream out) {
        try {
            return ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theLimitsAreNamedInTheRefusal() {
        PhotoRefused tooLarge = assertThrows(PhotoRefused.class,
                () -> PhotoCheck.check(Pictures.jpeg(5), new PhotoLimits(100, 4000)));
        assertEquals(413, tooLarge.status());
        assertEquals("the picture is larger than 100 bytes, the limit", tooLarge.getMessage());
        assertEquals("the picture is larger than 2,097,152 bytes (2 MB), the limit",
                refusal(new byte[LIMITS.maxBytes() + 1], "image/jpeg").getMessage());

        PhotoRefused wide = refusal(Pictures.image("png", 4001, 1, 0), "image/png");
        assertEquals(422, wide.status());
        assertEquals("photo-dimensions-too-large", wide.code());
        assertEquals("the picture is 4001 x 1 pixels; at most 4000 x 4000 pixels", wide.getMessage());
        assertEquals(new CheckedPhoto("image/png", 4000, 1),
                PhotoCheck.check(Pictures.image("png", 4000, 1, 0), LIMITS));
    }

    @Test
    void aTypeThatIsNoPictureIsUnsupported() {
        PhotoRefused refused = PhotoRefused.unsupportedType("text/plain");
        assertEquals(415, refused.status());
        assertEquals("Content-Type text/plain: send the picture as image/jpeg or image/png", refused.getMessage());
    }

    private static PhotoRefused refusal(byte[] bytes, String declared) {
        return assertThrows(PhotoRefused.class, () -> PhotoCheck.check(bytes, declared, LIMITS));
    }
}
