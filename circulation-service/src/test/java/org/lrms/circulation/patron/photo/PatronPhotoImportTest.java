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
import static org.lrms.circulation.patron.photo.PatronPhotoTest.photo;
import static org.lrms.circulation.patron.photo.PatronPhotoTest.stored;

/**
 * The school-photo vendor's zip: good entries applied, bad ones reported by name with their reason and kept from
 * nobody else; site staff only for their own sites; a zip bomb and an over-long zip stopped, what came before kept.
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
        byte[] anaJpeg = Pictures.jpeg(11);
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

        JsonPath answer = given().auth().oauth2(TestTokens.siteStaff(site)).contentType("application/zip")
                .body(Pictures.zip(entries))
                .when().post(IMPORT)
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
        assertEquals(10, answer.getInt("entries"));
        assertEquals(2, answer.getInt("applied"));
        assertEquals(2, answer.getInt("ignored"));
        assertTrue(answer.getBoolean("complete"));
        assertEquals(List.of("Grade 3/" + cruz + ".jpeg", "NOBODY-" + ana + ".jpg", elsewhere + ".jpg", "index.txt",
                "again/" + ana + ".png", cruz + ".png"), answer.getList("rejected.entry"));
        assertEquals(List.of("not-an-image", "unknown-patron", "other-site", "bad-name", "duplicate",
                "photo-too-large"), answer.getList("rejected.code"));
        assertEquals("the patron is at a site your account does not hold", answer.getString("rejected[2].reason"));
        assertEquals("the picture is larger than 2,097,152 bytes (2 MB), the limit",
                answer.getString("rejected[5].reason"));

        String staff = TestTokens.siteStaff(site);
        assertArrayEquals(anaJpeg, given().auth().oauth2(staff).when().get(photo(anaId))
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray());
        assertArrayEquals(benPng, given().auth().oauth2(staff).when().get(photo(benId))
                .then().statusCode(200).contentType("image/png").extract().asByteArray());
        assertEquals(0, stored(cruzId));
        assertEquals(0, stored(elsewhereId), "not another school's patron");

        // a district admin holds every site
        given().auth().oauth2(TestTokens.districtAdmin()).contentType("application/zip")
                .body(Pictures.zip(Map.of(elsewhere + ".jpg", Pictures.jpeg(17))))
                .when().post(IMPORT)
                .then().statusCode(200).body("applied", equalTo(1), "rejected.size()", equalTo(0));
        assertEquals(1, stored(elsewhereId));
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
