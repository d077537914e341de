package org.lrms.catalog.marc;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.testkit.TestKafka;
import org.lrms.testkit.TestTokens;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
class MarcImportTest {

    static final String ISO = "application/marc";
    static final String XML = "application/marcxml+xml";

    @BeforeEach
    void sites() {
        CatalogFixtures.site("LHS");
        CatalogFixtures.site("MMS");
    }

    @Test
    void goodRecordsAreKeptBadOnesRejectedOneByOneAndHoldingsBecomeCopies() {
        String tag = unique();
        String barcode = CatalogFixtures.uniqueBarcode();
        byte[] file = MarcFiles.write(List.of(
                MarcSamples.book("a" + tag, null, "First " + tag, "Writer, Ann", "2001"),
                MarcSamples.withoutTitle("b" + tag),
                MarcSamples.withHolding(MarcSamples.book("c" + tag, null, "Third " + tag, "Writer, Cy", "2003"),
                        barcode)), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200)
                .body("status", equalTo("FINISHED")).body("recordsRead", equalTo(3))
                .body("created", equalTo(2)).body("matched", equalTo(0)).body("rejected", equalTo(1))
                .body("copiesAdded", equalTo(1)).body("siteCode", equalTo("LHS"))
                .body("rejections[0].recordNumber", equalTo(2))
                .body("rejections[0].controlNumber", equalTo("b" + tag))
                .body("rejections[0].reason", containsString("245"));

        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("siteCode", equalTo("LHS")).body("title", equalTo("Third " + tag))
                .body("callNumber", equalTo("FIC SAC")).body("price", equalTo(12.99f));

        // the same file again matches (strict: same control number, title and material type) and duplicates nothing
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(0)).body("matched", equalTo(2))
                .body("copiesAdded", equalTo(0));
    }

    @Test
    void aRecordMatchesTheTitleAnEarlierRecordOfTheSameChunkCreated() {
        String tag = unique();
        Record first = MarcSamples.book("d" + tag, "0440414806", "Twice " + tag, "Writer, Dee", "2001");
        first.addVariableField(MarcSamples.field("945", ' ', ' ', 'a', "local " + tag));
        Record again = MarcSamples.book("d" + tag, null, "Twice " + tag, "Writer, Dee", "2005");
        byte[] file = MarcFiles.write(List.of(first, again), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(1)).body("matched", equalTo(1));
        List<Map<String, Object>> titles = given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/titles?isbn=9780440414803").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.controlNumber == 'd" + tag + "' }");
        assertEquals(1, titles.size(), "one title, not two");
        assertEquals(2005, titles.get(0).get("publicationYear"));
        String id = (String) titles.get(0).get("id");
        byte[] xml = given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/titles/" + id + "/marc?format=marcxml").then().statusCode(200)
                .extract().asByteArray();
        Record exported = MarcFiles.reader(new ByteArrayInputStream(xml), MarcFiles.Format.MARCXML).next();
        assertEquals("local " + tag, ((DataField) exported.getVariableField("945")).getSubfield('a').getData(),
                "the local field of the first record survives the merge");
        assertEquals("Local note: gift of the PTA.",
                ((DataField) exported.getVariableField("590")).getSubfield('a').getData());
    }

    @Test
    void aMergeRepublishesTheTitlesCopiesWithTheNewData() {
        String tag = unique();
        String first = CatalogFixtures.uniqueBarcode();
        String second = CatalogFixtures.uniqueBarcode();
        byte[] before = MarcFiles.write(List.of(MarcSamples.withHolding(
                MarcSamples.book("r" + tag, null, "Republished " + tag, "Writer, Old", "2001"), first)),
                MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(before)
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("created", equalTo(1));
        // the same record with another author, and a second holding: one chunk merges and adds
        byte[] after = MarcFiles.write(List.of(MarcSamples.withHolding(
                MarcSamples.book("r" + tag, null, "Republished " + tag, "Writer, New", "2001"), second)),
                MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(after)
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("matched", equalTo(1))
                .body("copiesAdded", equalTo(1));

        EventEnvelope updated = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId(first),
                e -> e.type().equals("CopyUpdated"));
        assertEquals("Writer, New", EventJson.payload(updated, CopyUpdated.class).copy().author());
        EventEnvelope added = CatalogFixtures.awaitEvent(Topics.CATALOG_COPIES, copyId(second),
                e -> e.type().equals("CopyAdded"));
        assertEquals("Writer, New", EventJson.payload(added, CopyAdded.class).copy().author());
    }

    @Test
    void aRecordImportedAgainUnchangedWritesNothingAndPublishesNothing() {
        String tag = unique();
        String barcode = CatalogFixtures.uniqueBarcode();
        byte[] file = MarcFiles.write(List.of(MarcSamples.withHolding(
                MarcSamples.book("u" + tag, "9780306406157", "Unchanged " + tag, "Writer, Old", "2001"), barcode)),
                MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("created", equalTo(1))
                .body("copiesAdded", equalTo(1));
        String titleId = given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).extract().path("titleId");
        Map<String, Object> before = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/titles/" + titleId).then().statusCode(200).extract().path("$");

        // the vendor sends the same file twice: the record matches, and the title stays as it was
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("matched", equalTo(1))
                .body("created", equalTo(0)).body("copiesAdded", equalTo(0));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/titles/" + titleId)
                .then().statusCode(200).body("version", equalTo(before.get("version")))
                .body("updatedAt", equalTo(before.get("updatedAt"))).body("authors", equalTo(List.of("Writer, Old")));

        // then a record that does change it: its update is the title's first, and the copy's first
        byte[] changed = MarcFiles.write(List.of(MarcSamples.withHolding(
                MarcSamples.book("u" + tag, "9780306406157", "Unchanged " + tag, "Writer, New", "2001"), barcode)),
                MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(changed)
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("matched", equalTo(1));
        List<EventEnvelope> titleEvents = TestKafka.awaitEvents(Topics.CATALOG_TITLES, titleId,
                seen -> seen.stream().anyMatch(e -> e.type().equals("TitleUpdated")));
        assertEquals(List.of("TitleCreated", "TitleUpdated"), titleEvents.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of("Writer, New"),
                EventJson.payload(titleEvents.get(1), TitleUpdated.class).title().authors());
        List<EventEnvelope> copyEvents = TestKafka.awaitEvents(Topics.CATALOG_COPIES, copyId(barcode),
                seen -> seen.stream().anyMatch(e -> e.type().equals("CopyUpdated")));
        assertEquals(List.of("CopyAdded", "CopyUpdated"), copyEvents.stream().map(EventEnvelope::type).toList());
        assertEquals("Writer, New", EventJson.payload(copyEvents.get(1), CopyUpdated.class).copy().author());
    }

    private static String copyId(String barcode) {
        return given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).extract().path("id");
    }

    @Test
    void aBarcodeTwiceInOneFileKeepsTheFirstCopyAndRejectsTheOtherRecordWhole() {
        String tag = unique();
        String barcode = CatalogFixtures.uniqueBarcode();
        byte[] file = MarcFiles.write(List.of(
                MarcSamples.withHolding(MarcSamples.book("e" + tag, null, "Owner " + tag, "One, A", "2001"), barcode),
                MarcSamples.withHolding(MarcSamples.book("f" + tag, null, "Intruder " + tag, "Two, B", "2002"),
                        barcode)), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(1)).body("copiesAdded", equalTo(1))
                .body("rejected", equalTo(1)).body("rejections[0].recordNumber", equalTo(2))
                .body("rejections[0].reason", containsString(barcode));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("title", equalTo("Owner " + tag));
        given().when().get("/api/v1/search?q=intruder " + tag).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anInvalidIsbnIsKeptAsCancelledWarnedAboutAndExportedAs020z() {
        String tag = unique();
        // 0440414807: the ISBN-10 of Holes with a wrong check digit
        Record warned = MarcSamples.book("w" + tag, "0440414807", "Warned " + tag, "Writer, Wes", "2004");
        warned.addVariableField(MarcSamples.field("020", ' ', ' ', 'z', "9780000000003"));
        byte[] file = MarcFiles.write(List.of(MarcSamples.book("v" + tag, null, "Valid " + tag, "Writer, Val", "2004"),
                warned), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(0))
                .body("warned", equalTo(1)).body("warnings", hasSize(1))
                .body("warnings[0].recordNumber", equalTo(2))
                .body("warnings[0].controlNumber", equalTo("w" + tag))
                .body("warnings[0].reason", containsString("0440414807"))
                .body("warnings[0].reason", containsString("020 $z"));
        String id = given().when().get("/api/v1/search?q=warned " + tag).then().statusCode(200)
                .extract().path("results[0].id");
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id).then().statusCode(200)
                .body("isbns", hasSize(0)).body("cancelledIsbns", equalTo(List.of("9780000000003", "0440414807")));
        // never an ISBN of the title: the valid ISBN of the same book finds nothing
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles?isbn=0440414806")
                .then().statusCode(200).body("id", not(hasItem(id)));

        // exported as 020 $z, in both formats, and kept through an edit of the title
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Warned " + tag, "edition", "2nd")).put("/api/v1/titles/" + id)
                .then().statusCode(200).body("cancelledIsbns", hasSize(2));
        byte[] iso = given().auth().oauth2(TestTokens.districtAdmin()).accept("application/marc")
                .when().get("/api/v1/titles/" + id + "/marc").then().statusCode(200).extract().asByteArray();
        Record exported = MarcFiles.reader(new ByteArrayInputStream(iso), MarcFiles.Format.ISO2709).next();
        List<String> z = exported.getDataFields().stream().filter(f -> f.getTag().equals("020"))
                .flatMap(f -> f.getSubfields('z').stream()).map(org.marc4j.marc.Subfield::getData).toList();
        assertEquals(List.of("9780000000003", "0440414807"), z);
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/titles/" + id + "/marc?format=marcxml").then().statusCode(200)
                .body(containsString("code=\"z\">0440414807</marc:subfield>"));

        // the exported record imported again matches its title, the same cancelled ISBNs, no warning (now in $z)
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(iso)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("matched", equalTo(1)).body("warned", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id).then().statusCode(200)
                .body("cancelledIsbns", equalTo(List.of("9780000000003", "0440414807")));
    }

    @Test
    void aSiteTechniciansRecordLeavesATitleOtherSchoolsHoldAsItWasAndStillAddsTheirCopies() {
        String tag = unique();
        String atMms = CatalogFixtures.uniqueBarcode();
        String atLhs = CatalogFixtures.uniqueBarcode();
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(MarcFiles.write(List.of(MarcSamples.withHolding(
                        MarcSamples.book("s" + tag, null, "Shared " + tag, "Writer, Old", "2001"), atMms)),
                        MarcFiles.Format.ISO2709))
                .when().post("/api/v1/imports/marc?siteCode=MMS")
                .then().statusCode(200).body("created", equalTo(1)).body("copiesAdded", equalTo(1));
        String id = given().when().get("/api/v1/search?q=shared " + tag).then().statusCode(200)
                .extract().path("results[0].id");
        int version = given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id)
                .then().statusCode(200).extract().path("version");

        // the same record with another author, from a technician of LHS, with a new title after it
        byte[] changed = MarcFiles.write(List.of(
                MarcSamples.withHolding(MarcSamples.book("s" + tag, null, "Shared " + tag, "Writer, New", "2001"),
                        atLhs),
                MarcSamples.book("n" + tag, null, "Not shared " + tag, "Writer, Nat", "2002")),
                MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(changed)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("matched", equalTo(1)).body("created", equalTo(1))
                .body("copiesAdded", equalTo(1)).body("rejected", equalTo(0))
                .body("warned", equalTo(1)).body("warnings", hasSize(1))
                .body("warnings[0].recordNumber", equalTo(1))
                .body("warnings[0].controlNumber", equalTo("s" + tag))
                .body("warnings[0].reason", containsString("matched title " + id))
                .body("warnings[0].reason", containsString("shared with other sites"))
                .body("warnings[0].reason", containsString("not changed"))
                .body("warnings[0].reason", containsString("district library staff can update it"));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id)
                .then().statusCode(200).body("authors", hasItem("Writer, Old"))
                .body("authors", not(hasItem("Writer, New"))).body("version", equalTo(version));
        // the holding still became a copy of that title at LHS
        given().auth().oauth2(TestTokens.siteStaff("LHS")).get("/api/v1/copies/" + atLhs)
                .then().statusCode(200).body("siteCode", equalTo("LHS")).body("titleId", equalTo(id));

        // staff of every site holding it update it, as a PUT would
        given().auth().oauth2(TestTokens.siteStaff("LHS", "MMS")).contentType(ISO).body(changed)
                .when().post("/api/v1/imports/marc?siteCode=LHS")
                .then().statusCode(200).body("matched", equalTo(2)).body("warned", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/titles/" + id)
                .then().statusCode(200).body("authors", hasItem("Writer, New"));
    }

    @Test
    void anIsbn10RecordMatchesTheIsbn13TitleAndLocalDataSurvives() {
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Holes", "isbns", List.of("9780440414803"), "readingLevel", "4.6",
                        "interestLevel", "MG"))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).extract().path("id");
        byte[] file = MarcFiles.write(List.of(MarcSamples.book("h" + unique(), "0440414806", "Holes",
                "Sachar, Louis", "2000")), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc?mode=strict")
                .then().statusCode(200).body("matched", equalTo(1)).body("created", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().statusCode(200)
                .body("publisher", equalTo("Yearling")).body("authors", hasItem("Sachar, Louis"))
                .body("readingLevel", equalTo("4.6")).body("interestLevel", equalTo("MG"))
                .body("hasMarcSource", equalTo(true));
    }

    @Test
    void anLccnOrAnIssnAloneMatchesAnExistingTitle() {
        String tag = unique();
        String serial = String.valueOf(1 + Math.floorMod(tag.hashCode(), 99_999));
        // entered by hand as LC prints it; the record's 010 has LC's normalized form
        String entered = "n 79-" + serial;
        String lccn = "n79" + "0".repeat(6 - serial.length()) + serial;
        String byLccn = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lccn book " + tag, "lccn", entered, "materialType", "BOOK"))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).extract().path("id");
        String byIssn = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Issn serial " + tag, "issn", "0317-8471", "materialType", "BOOK"))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        // other control numbers, no ISBN: only the 010 and the 022 can find the titles
        Record withLccn = MarcSamples.book("l" + tag, null, "Lccn book " + tag, "Writer, Lee", "2001");
        withLccn.addVariableField(MarcSamples.field("010", ' ', ' ', 'a', "  " + lccn + " "));
        Record withIssn = MarcSamples.book("i" + tag, null, "Issn serial " + tag, "Writer, Iss", "2002");
        withIssn.addVariableField(MarcSamples.field("022", '0', ' ', 'a', "0317-8471"));
        byte[] file = MarcFiles.write(List.of(withLccn, withIssn), MarcFiles.Format.ISO2709);

        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc?mode=strict")
                .then().statusCode(200).body("matched", equalTo(2)).body("created", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + byLccn)
                .then().statusCode(200).body("controlNumber", equalTo("l" + tag)).body("lccn", equalTo(lccn))
                .body("authors", hasItem("Writer, Lee"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + byIssn)
                .then().statusCode(200).body("controlNumber", equalTo("i" + tag)).body("issn", equalTo("0317-8471"))
                .body("publicationYear", equalTo(2002));
    }

    @Test
    void holdingsIn949BecomeCopiesAtTheCallersOnlySite() {
        String tag = unique();
        String barcode = CatalogFixtures.uniqueBarcode();
        byte[] file = MarcFiles.write(List.of(MarcSamples.with949(
                MarcSamples.book("v" + tag, null, "Vendor record " + tag, "Writer, Vee", "2004"),
                barcode, "599.75 LIO", "Nonfiction", "$24.95")), MarcFiles.Format.ISO2709);

        // without a siteCode, a district admin has no site for the holdings: counted, not added
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(1)).body("copiesAdded", equalTo(0))
                .body("holdingsSkipped", equalTo(1));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(404);

        // staff of one school: the copies go there
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("matched", equalTo(1)).body("copiesAdded", equalTo(1))
                .body("siteCode", equalTo("LHS"));
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("siteCode", equalTo("LHS")).body("title", equalTo("Vendor record " + tag))
                .body("callNumber", equalTo("599.75 LIO")).body("shelfLocation", equalTo("Nonfiction"))
                .body("price", equalTo(24.95f)).body("status", equalTo("AVAILABLE"));
    }

    @Test
    void aMarc8FileIsStoredAsComposedUnicodeAndFoundAsTyped() {
        String tag = unique();
        String title = "Caf\u00e9 cr\u00e8me " + tag;
        byte[] file = MarcSamples.marc8(List.of(MarcSamples.book("m" + tag, null, title, "Gon\u00e7alves, In\u00eas",
                "1999")));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(1));
        String titleId = given().when().get("/api/v1/search?q=cr\u00e8me " + tag)
                .then().statusCode(200).body("total", equalTo(1)).body("results[0].title", equalTo(title))
                .extract().path("results[0].id");
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + titleId)
                .then().statusCode(200).body("title", equalTo(title))
                .body("authors[0]", equalTo("Gon\u00e7alves, In\u00eas"));
    }

    @Test
    void strictModeKeepsADifferentTitleApartRelaxedModeMatchesIt() {
        String tag = unique();
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Stone Fox " + tag, "authors", List.of("Gardiner, John Reynolds"),
                        "publicationYear", 1980))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");
        byte[] sameBook = MarcFiles.write(List.of(MarcSamples.book("sf" + tag, null, "Stone fox " + tag,
                "Gardiner, John Reynolds", "1980")), MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(sameBook)
                .when().post("/api/v1/imports/marc?mode=relaxed")
                .then().statusCode(200).body("matched", equalTo(1));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles/" + id)
                .then().body("controlNumber", equalTo("sf" + tag));

        byte[] otherTitleSameNumber = MarcFiles.write(List.of(MarcSamples.book("sf" + tag, null,
                "A different work " + tag, "Someone, Else", "1999")), MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(otherTitleSameNumber)
                .when().post("/api/v1/imports/marc?mode=strict")
                .then().statusCode(200).body("created", equalTo(1)).body("matched", equalTo(0));
    }

    @Test
    void twoVendorsRecordsWithTheSameControlNumberAreTwoTitles() {
        String tag = unique().replaceAll("[0-9]", "v");
        Record first = MarcSamples.book("9001" + tag, null, "Vendor one book " + tag, "Writer, One", "2001");
        first.addVariableField(MarcSamples.FACTORY.newControlField("003", "VendorA"));
        Record second = MarcSamples.book("9001" + tag, null, "Vendor two book " + tag, "Writer, Two", "2002");
        second.addVariableField(MarcSamples.FACTORY.newControlField("003", "VendorB"));
        for (Record record : List.of(first, second)) {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                    .body(MarcFiles.write(List.of(record), MarcFiles.Format.ISO2709))
                    .when().post("/api/v1/imports/marc?mode=relaxed")
                    .then().statusCode(200).body("created", equalTo(1)).body("matched", equalTo(0));
        }
        List<String> ids = given().when().get("/api/v1/search?q=vendor book " + tag).then().statusCode(200)
                .body("total", equalTo(2)).extract().path("results.id");

        // the first vendor's record again is the first title again, and its export names the vendor in 003
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(MarcFiles.write(List.of(first), MarcFiles.Format.ISO2709))
                .when().post("/api/v1/imports/marc?mode=relaxed")
                .then().statusCode(200).body("created", equalTo(0)).body("matched", equalTo(1));
        for (String id : ids) {
            byte[] xml = given().auth().oauth2(TestTokens.districtAdmin())
                    .when().get("/api/v1/titles/" + id + "/marc?format=marcxml").then().statusCode(200)
                    .extract().asByteArray();
            Record exported = MarcFiles.reader(new ByteArrayInputStream(xml), MarcFiles.Format.MARCXML).next();
            String title = ((DataField) exported.getVariableField("245")).getSubfield('a').getData();
            assertEquals(title.startsWith("Vendor one") ? "VendorA" : "VendorB",
                    exported.getControlNumberField() == null ? null
                            : ((org.marc4j.marc.ControlField) exported.getVariableField("003")).getData());
        }
    }

    @Test
    void marcXmlImportsAndEveryTitleExportsInBothFormats() {
        String tag = unique();
        byte[] xml = MarcFiles.write(List.of(MarcSamples.book("x" + tag, null, "Xml " + tag, "Marc, Xavier",
                "2010")), MarcFiles.Format.MARCXML);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(XML).body(xml)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("created", equalTo(1)).body("format", equalTo("MARCXML"));
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Exported " + tag, "authors", List.of("Out, Port"),
                        "isbns", List.of("0440414806"), "summary", "Boys dig holes."))
                .post("/api/v1/titles?allowDuplicate=true").then().statusCode(201).extract().path("id");

        byte[] iso = given().auth().oauth2(TestTokens.siteStaff("LHS")).accept("application/marc")
                .when().get("/api/v1/titles/" + id + "/marc")
                .then().statusCode(200).contentType("application/marc").extract().asByteArray();
        Record fromIso = MarcFiles.reader(new ByteArrayInputStream(iso), MarcFiles.Format.ISO2709).next();
        assertEquals("Exported " + tag, ((DataField) fromIso.getVariableField("245")).getSubfield('a').getData());
        assertEquals("0440414806", ((DataField) fromIso.getVariableField("020")).getSubfield('a').getData());

        byte[] marcXml = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/titles/" + id + "/marc?format=marcxml")
                .then().statusCode(200).contentType(XML).extract().asByteArray();
        Record fromXml = MarcFiles.reader(new ByteArrayInputStream(marcXml), MarcFiles.Format.MARCXML).next();
        assertEquals("Boys dig holes.", ((DataField) fromXml.getVariableField("520")).getSubfield('a').getData());

        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/titles/" + id + "/marc")
                .then().statusCode(403);
    }

    @Test
    void aMarcXmlFileWithAnExternalEntityIsRefusedAndNothingOfItIsStored(@TempDir Path dir) throws Exception {
        String tag = unique();
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRETWORD" + tag.replaceAll("[^a-z]", "") + " from the server's disk");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE collection [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record>"
                + "<leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">e" + tag + "</controlfield>"
                + "<controlfield tag=\"008\">010101s2001    xxu           000 1 eng d</controlfield>"
                + "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Writer, Evil</subfield></datafield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Entity " + tag
                + " &x;</subfield></datafield></record></collection>";

        String body = given().auth().oauth2(TestTokens.districtAdmin()).contentType(XML).body(xml)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marc-rejected")).body("detail", containsString("DOCTYPE"))
                .extract().asString();
        assertTrue(!body.contains("SECRETWORD"), body);
        given().when().get("/api/v1/search?q=entity " + tag).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/marc")
                .then().statusCode(200).body(not(containsString("SECRETWORD")));
    }

    @Test
    void aLongSummaryExportsAsIso2709InSeveral520s() {
        String tag = unique();
        String summary = ("Élève " + tag + " à l'île. ").repeat(10_000).substring(0, 10_000).strip();
        String id = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("title", "Summarized " + tag, "authors", List.of("Long, Sue"), "summary", summary))
                .post("/api/v1/titles").then().statusCode(201).extract().path("id");

        byte[] iso = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/titles/" + id + "/marc?format=iso2709")
                .then().statusCode(200).contentType("application/marc").extract().asByteArray();
        assertValidIso2709(iso);
        Record back = MarcFiles.reader(new ByteArrayInputStream(iso), MarcFiles.Format.ISO2709).next();
        List<String> parts = back.getDataFields().stream().filter(f -> f.getTag().equals("520"))
                .map(f -> f.getSubfield('a').getData()).toList();
        assertTrue(parts.size() >= 2, "split into " + parts.size());
        assertEquals(summary, String.join(" ", parts));
    }

    @Test
    void aRecordTooLongForIso2709IsAProblemThatPointsToMarcXml() {
        String tag = unique().replaceAll("[0-9]", "q");
        Record huge = MarcSamples.book("h" + tag, null, "Huge " + tag, "Writer, Hugh", "2001");
        for (int i = 0; i < 12; i++) {
            huge.addVariableField(MarcSamples.field("505", '0', ' ', 'a', ("chapter " + i + " ").repeat(900)));
        }
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(XML)
                .body(MarcFiles.write(List.of(huge), MarcFiles.Format.MARCXML))
                .when().post("/api/v1/imports/marc").then().statusCode(200).body("created", equalTo(1));
        String id = given().when().get("/api/v1/search?q=huge " + tag).then().statusCode(200)
                .extract().path("results[0].id");

        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get("/api/v1/titles/" + id + "/marc?format=iso2709")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marc-too-long-for-iso2709"))
                .body("detail", containsString("99999")).body("detail", containsString("MARCXML"));
        byte[] xml = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/titles/" + id + "/marc?format=marcxml")
                .then().statusCode(200).extract().asByteArray();
        Record back = MarcFiles.reader(new ByteArrayInputStream(xml), MarcFiles.Format.MARCXML).next();
        assertEquals(12, back.getDataFields().stream().filter(f -> f.getTag().equals("505")).count());
    }

    @Test
    void emptyGarbageAndOversizedFilesAreProblemsAndChangeNothing() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(new byte[0])
                .when().post("/api/v1/imports/marc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body("this is not MARC at all".getBytes())
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marc-rejected")).body("detail", containsString("no MARC record"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(XML).body("<collection><oops".getBytes())
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(new byte[4_200_000])
                .when().post("/api/v1/imports/marc")
                .then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("file-too-large"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(new byte[10])
                .when().post("/api/v1/imports/marc?mode=fuzzy")
                .then().statusCode(400).body("errors[0].field", equalTo("mode"));
    }

    @Test
    void importsAreForStaffOfTheHoldingsSite() {
        byte[] file = MarcFiles.write(List.of(MarcSamples.book("r" + unique(), null, "Roles", "A, B", "2000")),
                MarcFiles.Format.ISO2709);
        given().contentType(ISO).body(file).when().post("/api/v1/imports/marc").then().statusCode(401);
        given().auth().oauth2(TestTokens.teacher("LHS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc?siteCode=LHS").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(file)
                .when().post("/api/v1/imports/marc?siteCode=NOWHERE")
                .then().statusCode(422).body("errors[0].field", equalTo("siteCode"));
    }

    @Test
    void theRealBrokenPrideAndPrejudiceFileKeepsItsGoodRecords() throws Exception {
        Path file = Paths.get(System.getProperty("lrms.shared.dir", "../../shared"), "data", "marc",
                "pride-and-prejudice-with-many-errors.mrc");
        assumeTrue(Files.exists(file), "shared MARC data not present");
        int created = given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(Files.readAllBytes(file))
                .when().post("/api/v1/imports/marc?mode=relaxed")
                .then().statusCode(200)
                .body("rejected", greaterThan(0)).body("created", greaterThan(100))
                .extract().path("created");
        int[] summary = given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/marc")
                .then().statusCode(200).extract().jsonPath().getList("$", Map.class).stream()
                .filter(j -> ((Integer) j.get("created")) == created).findFirst()
                .map(j -> new int[]{(Integer) j.get("recordsRead"), (Integer) j.get("created"),
                        (Integer) j.get("matched"), (Integer) j.get("rejected")})
                .orElseThrow();
        assertEquals(summary[0], summary[1] + summary[2] + summary[3], "every record is accounted for");
    }

    @Test
    void theRealMarc8AndXmlFilesImport() throws Exception {
        Path dir = Paths.get(System.getProperty("lrms.shared.dir", "../../shared"), "data", "marc");
        assumeTrue(Files.isDirectory(dir), "shared MARC data not present");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(Files.readAllBytes(dir.resolve("selectedRecs.mrc")))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("rejected", equalTo(0)).body("recordsRead", equalTo(11));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(XML)
                .body(Files.readAllBytes(dir.resolve("chabon.xml")))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("recordsRead", equalTo(2)).body("rejected", equalTo(0));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(Files.readAllBytes(dir.resolve("error.mrc")))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json");
        assertTrue(true);
    }

    @Test
    void theRealFileWithBlankLeaderPositionsIsRejectedAndChangesNothing() throws Exception {
        Path file = Paths.get(System.getProperty("lrms.shared.dir", "../../shared"), "data", "marc",
                "bad_leaders_10_11.mrc");
        assumeTrue(Files.exists(file), "shared MARC data not present");
        // leader positions 05-11 and 17-23 are blank: no type of record, no indicator or subfield code counts
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).body(Files.readAllBytes(file))
                .when().post("/api/v1/imports/marc")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("marc-rejected"))
                .body("detail", containsString("leader/06"))
                .body("context.rejections", hasSize(1)).body("context.rejections[0].recordNumber", equalTo(1))
                .body("context.rejections[0].controlNumber", equalTo("2600772"))
                .body("context.rejections[0].reason", containsString("leader/06"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/titles?isbn=3926154780")
                .then().statusCode(200).body("$", hasSize(0));
    }

    /**
     * The leader's lengths and a directory of 12-byte entries (tag, 4-digit length, 5-digit start) that add up: marc4j
     * 2.9.5 writes a field of 10,000 to 99,999 bytes with a 5-digit length, a directory no strict reader can follow.
     */
    private static void assertValidIso2709(byte[] iso) {
        String ascii = new String(iso, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(iso.length, Integer.parseInt(ascii.substring(0, 5)), "record length");
        int base = Integer.parseInt(ascii.substring(12, 17));
        assertEquals(0, (base - 24 - 1) % 12, "directory of 12-byte entries");
        int expectedStart = 0;
        for (int entry = 24; entry < base - 1; entry += 12) {
            int length = Integer.parseInt(ascii.substring(entry + 3, entry + 7));
            assertEquals(expectedStart, Integer.parseInt(ascii.substring(entry + 7, entry + 12)), "field start");
            assertEquals(0x1E, iso[base + expectedStart + length - 1], "field terminator where its length ends");
            expectedStart += length;
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
