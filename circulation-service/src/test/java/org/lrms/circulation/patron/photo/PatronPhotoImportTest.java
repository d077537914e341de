package org.lrms.circulation.patron.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.testkit.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lrms.circulation.patron.photo.PatronPhotoTest.stored;

/**
 * The school-photo vendor's zip: good entries applied (re-encoded as the desk's picture), bad ones reported by name
 * with their reason, another school's patron as unknown as nobody's; site staff only for their own sites; a zip
 * bomb and an over-long zip stopped, what came before kept.
 * (Tests run with at most 50 entries and 32 MB inflated per zip.)
 */
@QuarkusTest
class PatronPhotoImportTest {

    private static final String IMPORT = "/api/v1/imports/patron-photos";

    @Test
    void goodEntriesAreAppliedAndEachBadOneIsReportedWithItsReason() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String cruz = Fixtures.unique("P");
        String elsewhere = Fixtures.unique("P");
        String anaId = Fixtures.newPatron(site, ana, "STUDENT", "3");
        String benId = Fixtures.newPatron(site, ben, "STUDENT", "3");
        String cruzId = Fixtures.newPatron(site, cruz, "STUDENT", "3");
        String elsewhereId = Fixtures.newPatron(other, elsewhere, "STUDENT", "3");
        String dan = Fixtures.unique("P");
        String danId = Fixtures.newPatron(site, dan, "STUDENT", "3");
        byte[] anaJpeg = Pictures.withExif(Pictures.image("jpg", 1200, 800, 11), "GPS-SECRET");
        byte[] benPng = Pictures.png(12);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Grade 3/", new byte[0]);
        entries.put("Grade 3/" + ana + ".JPG", anaJpeg);
        entries.put(ben + ".png", benPng);
        entries.put("__MACOSX/Grade 3/._" + ana + ".JPG", new byte[]{0, 5, 22, 7});
        entries.put("Grade 3/" + cruz + ".jpeg", "not a picture".getBytes(StandardCharsets.UTF_8));
        entries.put("NOBODY-" + ana + ".jpg", Pictures.jpeg(13));
        entries.put(elsewhere + ".jpg", Pictures.jpeg(14));
        entries.put("index.txt", "school photos 2026".getBytes(StandardCharsets.UTF_8));
        entries.put("again/" + ana + ".png", Pictures.png(15));
        entries.put(cruz + ".png", Arrays.copyOf(Pictures.png(16), 2 * 1024 * 1024 + 10));
        entries.put(dan + ".png", Pictures.brokenPng());

        JsonPath answer = given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip")
                .body(Pictures.zip(entries))
                .when().post(IMPORT)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertEquals(11, answer.getInt("entries"));
        assertEquals(2, answer.getInt("applied"));
        assertEquals(2, answer.getInt("ignored"));
        assertTrue(answer.getBoolean("complete"));
        assertEquals(List.of("Grade 3/" + cruz + ".jpeg", "NOBODY-" + ana + ".jpg", elsewhere + ".jpg", "index.txt",
                "again/" + ana + ".png", cruz + ".png", dan + ".png"), answer.getList("rejected.entry"));
        // another school's patron is as unknown as nobody's: which barcodes exist elsewhere is not told
        assertEquals(List.of("not-an-image", "unknown-patron", "unknown-patron", "bad-name", "duplicate",
                "photo-too-large", "not-an-image"), answer.getList("rejected.code"));
        assertEquals("no patron of your sites has this barcode", answer.getString("rejected[1].reason"));
        assertEquals("no patron of your sites has this barcode", answer.getString("rejected[2].reason"));
        assertEquals("the picture is larger than 2,097,152 bytes (2 MB), the limit",
                answer.getString("rejected[5].reason"));

        String staff = TestTokens.siteStaff(site);
        byte[] anaStored = PatronPhotoTest.picture(staff, anaId);
        assertArrayEquals(new int[]{600, 400}, Pictures.size(anaStored), "stored at 600 pixels");
        assertFalse(Pictures.contains(anaStored, "Exif") || Pictures.contains(anaStored, "GPS-SECRET"),
                "without the EXIF");
        byte[] benStored = PatronPhotoTest.picture(staff, benId);
        assertTrue(Pictures.isJpeg(benStored), "the PNG stored as a JPEG");
        assertArrayEquals(new int[]{30, 20}, Pictures.size(benStored));
        assertEquals(0, stored(cruzId));
        assertEquals(0, stored(danId));
        assertEquals(0, stored(elsewhereId), "not another school's patron");

        // a district admin holds every site: for them no patron at all has an unknown barcode
        Map<String, byte[]> admin = new LinkedHashMap<>();
        admin.put(elsewhere + ".jpg", Pictures.jpeg(17));
        admin.put("NOBODY-" + elsewhere + ".jpg", Pictures.jpeg(18));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip")
                .body(Pictures.zip(admin))
                .when().post(IMPORT)
                .then().statusCode(200).body("applied", equalTo(1), "rejected.size()", equalTo(1),
                        "rejected[0].code", equalTo("unknown-patron"));
        assertEquals(1, stored(elsewhereId));
    }

    @Test
    void anEntryCutOffBeforeItsEndOrInCmykIsRejectedByNameAndTheGoodOneIsKept() {
        String site = Fixtures.newSite();
        String good = Fixtures.unique("P");
        String cutJpeg = Fixtures.unique("P");
        String cutPng = Fixtures.unique("P");
        String cmyk = Fixtures.unique("P");
        String goodId = Fixtures.newPatron(site, good, "STUDENT", "4");
        String cutJpegId = Fixtures.newPatron(site, cutJpeg, "STUDENT", "4");
        String cutPngId = Fixtures.newPatron(site, cutPng, "STUDENT", "4");
        String cmykId = Fixtures.newPatron(site, cmyk, "STUDENT", "4");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Grade 4/" + cutJpeg + ".jpg", Pictures.cut(Pictures.image("jpg", 400, 300, 41), 0.5));
        entries.put("Grade 4/" + good + ".jpg", Pictures.jpeg(42));
        entries.put("Grade 4/" + cutPng + ".png", Pictures.cut(Pictures.image("png", 300, 200, 43), 0.8));
        entries.put("Grade 4/" + cmyk + ".jpg", Pictures.cmykJpeg(64, 48));

        JsonPath answer = given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip")
                .body(Pictures.zip(entries))
                .when().post(IMPORT)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertEquals(4, answer.getInt("entries"));
        assertEquals(1, answer.getInt("applied"));
        assertTrue(answer.getBoolean("complete"));
        assertEquals(List.of("Grade 4/" + cutJpeg + ".jpg", "Grade 4/" + cutPng + ".png", "Grade 4/" + cmyk + ".jpg"),
                answer.getList("rejected.entry"));
        assertEquals(List.of("not-an-image", "not-an-image", "unsupported-color-model"),
                answer.getList("rejected.code"));
        String incomplete = "the picture is damaged or incomplete: the file ends before its image does (an "
                + "interrupted upload or a damaged file); send the whole file again";
        assertEquals(incomplete, answer.getString("rejected[0].reason"));
        assertEquals(incomplete, answer.getString("rejected[1].reason"));
        String cmykReason = answer.getString("rejected[2].reason");
        assertTrue(cmykReason.contains("CMYK") && cmykReason.contains("save it as RGB"), cmykReason);

        assertArrayEquals(new int[]{40, 50},
                Pictures.size(PatronPhotoTest.picture(TestTokens.siteStaff(site), goodId)));
        assertEquals(0, stored(cutJpegId));
        assertEquals(0, stored(cutPngId));
        assertEquals(0, stored(cmykId));
    }

    @Test
    void aZipBombIsStoppedAndWhatCameBeforeStays() {
        String site = Fixtures.newSite();
        String ana = Fixtures.unique("P");
        String ben = Fixtures.unique("P");
        String anaId = Fixtures.newPatron(site, ana, "STUDENT", "8");
        String benId = Fixtures.newPatron(site, ben, "STUDENT", "8");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ana + ".jpg", Pictures.jpeg(21));
        entries.put("notes.txt", new byte[40 * 1024 * 1024]); // deflates to some 40 KB
        entries.put(ben + ".jpg", Pictures.jpeg(22));
        byte[] zip = Pictures.zip(entries);
        assertTrue(zip.length < 1024 * 1024);

        JsonPath answer = given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip").body(zip)
                .when().post(IMPORT)
                .then().statusCode(200).extract().jsonPath();
        assertFalse(answer.getBoolean("complete"));
        assertEquals("the zip inflates to more than 33,554,432 bytes (the limit): the rest was not read",
                answer.getString("stopped"));
        assertEquals(1, answer.getInt("applied"));
        assertEquals(1, stored(anaId));
        assertEquals(0, stored(benId));
    }

    @Test
    void aZipOfMoreEntriesThanTheLimitIsReadToTheLimit() {
        String site = Fixtures.newSite();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            entries.put("folder" + i + "/", new byte[0]);
        }
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip").body(Pictures.zip(entries))
                .when().post(IMPORT)
                .then().statusCode(200)
                .body("entries", equalTo(50), "complete", equalTo(false),
                        "stopped", equalTo("the zip holds more than 50 entries (the limit): the rest was not read"));
    }

    @Test
    void aBodyThatIsNoZipIsRefusedAndOnlyStaffImport() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip")
                .body("this is not a zip".getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip").body(new byte[0])
                .when().post(IMPORT)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.siteStaff(site)).contentType("text/csv").body("P1,photo")
                .when().post(IMPORT)
                .then().statusCode(415).contentType("application/problem+json");
        byte[] zip = Pictures.zip(Map.of("P1.jpg", Pictures.jpeg(1)));
        given().auth().oauth2(TestTokens.teacher(site)).contentType("application/zip").body(zip)
                .when().post(IMPORT).then().statusCode(403);
        given().auth().oauth2(TestTokens.integration()).contentType("application/zip").body(zip)
                .when().post(IMPORT).then().statusCode(403);
        given().contentType("application/zip").body(zip).when().post(IMPORT).then().statusCode(401);
    }
}
