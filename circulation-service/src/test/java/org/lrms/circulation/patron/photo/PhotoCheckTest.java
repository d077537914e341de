package org.lrms.circulation.patron.photo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
