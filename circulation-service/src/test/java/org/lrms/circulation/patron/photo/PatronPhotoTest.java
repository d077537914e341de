package org.lrms.circulation.patron.photo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.testkit.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patron's picture: put, read back as stored (a JPEG of at most 600 pixels, without the upload's metadata),
 * replaced, removed; refused input; who may; with the patron.
 */
@QuarkusTest
class PatronPhotoTest {

    static String photo(String patronId) {
        return "/api/v1/patrons/" + patronId + "/photo";
    }

    static long stored(String patronId) {
        return Fixtures.count("SELECT count(*) FROM patron_photo WHERE patron_id = ?", UUID.fromString(patronId));
    }

    static byte[] picture(String token, String patronId) {
        return given().auth().oauth2(token).when().get(photo(patronId))
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
    }

    @Test
    void aJpegIsPutAndReadBackAsStoredNeverToBeCachedThenReplacedByAPngAndRemoved() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "4");
        String staff = TestTokens.siteStaff(site);
        given().auth().oauth2(staff).when().get("/api/v1/patrons/" + id)
                .then().statusCode(200).body("hasPhoto", equalTo(false));
        given().auth().oauth2(staff).when().get(photo(id))
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("no-photo"));

        byte[] jpeg = Pictures.jpeg(1);
        int bytes = given().auth().oauth2(staff).contentType("image/jpeg").body(jpeg)
                .when().put(photo(id))
                .then().statusCode(200)
                .body("contentType", equalTo("image/jpeg"), "width", equalTo(40), "height", equalTo(50),
                        "updatedAt", notNullValue(), "updatedBy", equalTo("tech." + site.toLowerCase()))
                .extract().path("bytes");
        byte[] back = given().auth().oauth2(staff).when().get(photo(id))
                .then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertTrue(Pictures.isJpeg(back));
        assertEquals(bytes, back.length, "the answer tells of the stored picture");
        assertArrayEquals(new int[]{40, 50}, Pictures.size(back));
        given().auth().oauth2(staff).when().get("/api/v1/patrons/" + id)
                .then().statusCode(200).body("hasPhoto", equalTo(true));

        // a PNG is stored as a JPEG too
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("image/png").body(Pictures.png(2))
                .when().put(photo(id))
                .then().statusCode(200).body("contentType", equalTo("image/jpeg"), "width", equalTo(30),
                        "height", equalTo(20), "updatedBy", equalTo("district.admin"));
        byte[] fromPng = given().auth().oauth2(staff).when().get(photo(id))
                .then().statusCode(200).contentType("image/jpeg").header("Cache-Control", "private, no-store")
                .extract().asByteArray();
        assertTrue(Pictures.isJpeg(fromPng));
        assertArrayEquals(new int[]{30, 20}, Pictures.size(fromPng));
        assertEquals(1, stored(id), "one picture per patron");

        given().auth().oauth2(staff).when().delete(photo(id)).then().statusCode(204);
        assertEquals(0, stored(id));
        given().auth().oauth2(staff).when().get(photo(id)).then().statusCode(404);
        given().auth().oauth2(staff).when().delete(photo(id))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(staff).queryParam("barcode", Fixtures.row(
                        "SELECT barcode FROM patron WHERE id = ?", UUID.fromString(id)).get("barcode"))
                .when().get("/api/v1/patrons")
                .then().statusCode(200).body("[0].hasPhoto", equalTo(false));
    }

    @Test
    void aPhonePictureIsStoredAt600PixelsWithoutItsExif() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "2");
        String staff = TestTokens.siteStaff(site);
        byte[] upload = Pictures.withExif(Pictures.image("jpg", 1200, 800, 9), "GPS-SECRET 37.7749N 122.4194W");
        assertTrue(Pictures.contains(upload, "GPS-SECRET"));
        given().auth().oauth2(staff).contentType("image/jpeg").body(upload)
                .when().put(photo(id))
                .then().statusCode(200)
                .body("contentType", equalTo("image/jpeg"), "width", equalTo(600), "height", equalTo(400));
        byte[] back = picture(staff, id);
        assertTrue(Pictures.isJpeg(back));
        assertArrayEquals(new int[]{600, 400}, Pictures.size(back));
        assertFalse(Pictures.contains(back, "Exif"), "no EXIF segment");
        assertFalse(Pictures.contains(back, "GPS-SECRET"), "no position");
        byte[] kept = (byte[]) Fixtures.row("SELECT image FROM patron_photo WHERE patron_id = ?", UUID.fromString(id))
                .get("image");
        assertArrayEquals(back, kept, "stored so, not only served so");
    }

    @Test
    void whatIsNotAJpegOrPngWithinTheLimitsIsRefusedAndTheEarlierPictureStays() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "5");
        String staff = TestTokens.siteStaff(site);
        given().auth().oauth2(staff).contentType("text/plain").body("a picture, honestly")
                .when().put(photo(id))
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"));
        given().auth().oauth2(staff).contentType("image/jpeg")
                .body("notes.txt, renamed".getBytes(StandardCharsets.UTF_8))
                .when().put(photo(id))
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("not-an-image"));
        given().auth().oauth2(staff).contentType("image/jpeg").body(new byte[0])
                .when().put(photo(id))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        // its header is whole, its pixels are not: decoding them fails, a 422 (never a 500)
        given().auth().oauth2(staff).contentType("image/png").body(Pictures.brokenPng())
                .when().put(photo(id))
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("not-an-image"));
        assertEquals(0, stored(id), "nothing stored");

        given().auth().oauth2(staff).contentType("image/jpeg").body(Pictures.jpeg(3)).when().put(photo(id))
                .then().statusCode(200);
        byte[] jpeg = picture(staff, id);

        byte[] tooLarge = Arrays.copyOf(Pictures.jpeg(4), 2 * 1024 * 1024 + 1);
        given().auth().oauth2(staff).contentType("image/jpeg").body(tooLarge)
                .when().put(photo(id))
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("photo-too-large"), "context.maxBytes", equalTo(2097152),
                        "detail", equalTo("the picture is larger than 2,097,152 bytes (2 MB), the limit"));
        given().auth().oauth2(staff).contentType("image/png").body(Pictures.image("png", 4001, 2, 0))
                .when().put(photo(id))
                .then().statusCode(422).body("code", equalTo("photo-dimensions-too-large"),
                        "context.maxWidth", equalTo(4000));
        given().auth().oauth2(staff).contentType("image/jpeg").body(Pictures.png(5))
                .when().put(photo(id))
                .then().statusCode(422).body("code", equalTo("content-type-mismatch"));
        given().auth().oauth2(staff).contentType("image/gif").body(Pictures.png(5))
                .when().put(photo(id))
                .then().statusCode(415);

        given().auth().oauth2(staff).contentType("image/png").body(Pictures.brokenPng())
                .when().put(photo(id))
                .then().statusCode(422).body("code", equalTo("not-an-image"));

        assertArrayEquals(jpeg, picture(staff, id), "the earlier picture stays");
    }

    @Test
    void aPictureCutOffBeforeItsEndOrInCmykIsRefusedAndTheEarlierPictureStays() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "5");
        String staff = TestTokens.siteStaff(site);
        byte[] cutJpeg = Pictures.cut(Pictures.image("jpg", 400, 300, 31), 0.6);
        byte[] cutPng = Pictures.withoutLast(Pictures.image("png", 300, 200, 32), 4);
        byte[] cmyk = Pictures.cmykJpeg(64, 48);

        // no picture yet: none is stored
        refusedAsIncomplete(staff, id, "image/jpeg", cutJpeg);
        refusedAsIncomplete(staff, id, "image/png", cutPng);
        refusedAsCmyk(staff, id, cmyk);
        given().auth().oauth2(staff).when().get(photo(id))
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("no-photo"));
        assertEquals(0, stored(id), "nothing stored");

        // a picture: it stays as it was
        given().auth().oauth2(staff).contentType("image/jpeg").body(Pictures.jpeg(33)).when().put(photo(id))
                .then().statusCode(200);
        byte[] earlier = picture(staff, id);
        refusedAsIncomplete(staff, id, "image/jpeg", cutJpeg);
        refusedAsIncomplete(staff, id, "image/jpeg", Pictures.withoutLast(Pictures.jpeg(34), 2));
        refusedAsIncomplete(staff, id, "image/png", cutPng);
        refusedAsCmyk(staff, id, cmyk);
        refusedAsCmyk(staff, id, Pictures.withAdobeMarker(cmyk, 2));
        assertArrayEquals(earlier, picture(staff, id), "the earlier picture stays");
        assertEquals(1, stored(id));
    }

    private static void refusedAsIncomplete(String token, String patronId, String type, byte[] cut) {
        given().auth().oauth2(token).contentType(type).body(cut)
                .when().put(photo(patronId))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("not-an-image"), "detail", containsString("damaged or incomplete"));
    }

    private static void refusedAsCmyk(String token, String patronId, byte[] cmyk) {
        given().auth().oauth2(token).contentType("image/jpeg").body(cmyk)
                .when().put(photo(patronId))
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("unsupported-color-model"), "title", equalTo("Unsupported color model"),
                        "detail", containsString("CMYK"), "detail", containsString("save it as RGB"));
    }

    @Test
    void onlyThoseWhoMaySeeThePatronSeeOrChangeThePicture() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "6");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("image/jpeg").body(Pictures.jpeg(6))
                .when().put(photo(id)).then().statusCode(200);
        byte[] jpeg = picture(TestTokens.siteStaff(site), id);

        String otherStaff = TestTokens.siteStaff(other);
        given().auth().oauth2(otherStaff).when().get(photo(id))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherStaff).contentType("image/png").body(Pictures.png(7))
                .when().put(photo(id)).then().statusCode(403);
        given().auth().oauth2(otherStaff).when().delete(photo(id)).then().statusCode(403);
        for (String token : new String[]{TestTokens.teacher(site), TestTokens.student(site),
                TestTokens.integration()}) {
            given().auth().oauth2(token).when().get(photo(id)).then().statusCode(403);
            given().auth().oauth2(token).contentType("image/png").body(Pictures.png(8))
                    .when().put(photo(id)).then().statusCode(403);
            given().auth().oauth2(token).when().delete(photo(id)).then().statusCode(403);
        }
        given().when().get(photo(id)).then().statusCode(401);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get(photo(UUID.randomUUID().toString()))
                .then().statusCode(404).contentType("application/problem+json");

        assertArrayEquals(jpeg, picture(TestTokens.districtAdmin(), id), "unchanged");
    }

    @Test
    void thePictureGoesWithItsPatron() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "7");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("image/png").body(Pictures.png(9))
                .when().put(photo(id)).then().statusCode(200);
        assertEquals(1, stored(id));
        assertEquals(1, Fixtures.update("DELETE FROM patron WHERE id = ?", UUID.fromString(id)));
        assertEquals(0, stored(id));
    }

    @Inject
    PhotoRetention retention;

    @Test
    void aPictureIsKeptOnlyWhileItsPatronIsActive() {
        String site = Fixtures.newSite();
        String staff = TestTokens.siteStaff(site);
        String active = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "12");
        String graduatedBarcode = Fixtures.unique("P");
        String graduated = Fixtures.newPatron(site, graduatedBarcode, "STUDENT", "12");
        for (String id : List.of(active, graduated)) {
            given().auth().oauth2(staff).contentType("image/png").body(Pictures.png(5))
                    .when().put(photo(id)).then().statusCode(200);
        }
        assertEquals(1, Fixtures.update("UPDATE patron SET status = 'GRADUATED' WHERE id = ?",
                UUID.fromString(graduated)));

        assertTrue(retention.removeOfPatronsNoLongerActive() >= 1);
        assertEquals(0, stored(graduated), "the graduate's picture is gone");
        assertEquals(1, stored(active), "an active patron's stays");

        given().auth().oauth2(staff).contentType("image/png").body(Pictures.png(6))
                .when().put(photo(graduated)).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("patron-not-active"))
                .body("detail", equalTo("the patron is graduated: pictures are kept only for active patrons"));
        given().auth().oauth2(staff).contentType("application/zip")
                .body(Pictures.zip(Map.of(graduatedBarcode + ".png", Pictures.png(7))))
                .when().post("/api/v1/imports/patron-photos")
                .then().statusCode(200).body("applied", equalTo(0), "rejected[0].code", equalTo("patron-not-active"));
        assertEquals(0, stored(graduated), "none taken for a graduate");
    }
}
