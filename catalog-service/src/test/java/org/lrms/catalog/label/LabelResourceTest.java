package org.lrms.catalog.label;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.testkit.TestTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LabelResourceTest {

    @Test
    void staffPrintLabelsForAListARangeACategoryOrSinceADate() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String staff = TestTokens.siteStaff(site);
        String titleId = CatalogFixtures.title("Label me");
        for (String barcode : List.of(site + "-001", site + "-002", site + "-003")) {
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", site, "barcode", barcode, "callNumber", "FIC LAB",
                            "categories", barcode.endsWith("3") ? List.of("SPANISH") : List.of()))
                    .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);
        }

        String list = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(site + "-002"), "layout", "5161", "symbology", "CODE39"))
                .post("/api/v1/labels").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray());
        assertTrue(list.contains(site + "-002") && list.contains("Label me") && list.contains("Test Author"), list);
        assertFalse(list.contains(site + "-001"));

        String range = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "barcodeFrom", site + "-001", "barcodeTo", site + "-002",
                        "kind", "SPINE"))
                .post("/api/v1/labels").then().statusCode(200).extract().asByteArray());
        assertTrue(range.contains(site + "-001") && range.contains(site + "-002") && !range.contains(site + "-003"));

        String category = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "category", "spanish"))
                .post("/api/v1/labels").then().statusCode(200).extract().asByteArray());
        assertTrue(category.contains(site + "-003") && !category.contains(site + "-001"));

        String since = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "addedSince", LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/labels").then().statusCode(200).extract().asByteArray());
        assertTrue(since.contains(site + "-001") && since.contains(site + "-003"));

        // staff of another site, students and anonymous callers print nothing
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(site + "-002"))).post("/api/v1/labels").then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "category", "SPANISH")).post("/api/v1/labels").then().statusCode(403);
        given().auth().oauth2(TestTokens.student(site)).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(site + "-002"))).post("/api/v1/labels").then().statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(site + "-002"))).post("/api/v1/labels").then().statusCode(401);
    }

    @Test
    void newCopiesAreLabelledInShelfOrderWithTitlesInAnyScript() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String staff = TestTokens.siteStaff(site);
        String crime = CatalogFixtures.title("Преступление и наказание");
        String kieu = CatalogFixtures.title("Truyện Kiều");
        String pan = CatalogFixtures.title("Pan Tadeusz – Księga pierwsza");
        // added in this order; on the shelf: 599.75 LIO, 600 A, B (92) LIN, FIC DOS
        List<String[]> copies = List.of(new String[] {crime, "FIC DOS", site + "-A"},
                new String[] {kieu, "92 LIN", site + "-B"}, new String[] {pan, "600 A", site + "-C"},
                new String[] {pan, "599.75 LIO", site + "-D"});
        for (String[] c : copies) {
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("siteCode", site, "barcode", c[2], "callNumber", c[1]))
                    .post("/api/v1/titles/" + c[0] + "/copies").then().statusCode(201);
        }
        String text = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "addedSince", LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/labels").then().statusCode(200).extract().asByteArray());
        assertTrue(text.contains("Преступление и наказание") && text.contains("Truyện Kiều")
                && text.contains("Pan Tadeusz – Księga pierwsza"), text);
        int lion = text.indexOf(site + "-D");
        int tech = text.indexOf(site + "-C");
        int biography = text.indexOf(site + "-B");
        int fiction = text.indexOf(site + "-A");
        assertTrue(lion >= 0 && lion < tech && tech < biography && biography < fiction, text);
    }

    @Test
    void aListWithUnknownBarcodesIsRefusedNamingThemAndPrintsNothing() {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String staff = TestTokens.siteStaff(site);
        String known = CatalogFixtures.copy(CatalogFixtures.title("Known copy"), site);
        String withdrawn = CatalogFixtures.copy(CatalogFixtures.title("Weeded copy"), site);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("reason", "WEEDED", "disposalMethod", "RECYCLED"))
                .post("/api/v1/copies/" + withdrawn + "/withdraw").then().statusCode(200);

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(known, site + "-TYPO", withdrawn, site + "-TYPO")))
                .post("/api/v1/labels")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("unknown-barcodes")).body("errors[0].field", equalTo("barcodes"))
                .body("context.unknownBarcodes", equalTo(List.of(site + "-TYPO", withdrawn)))
                .body("detail", containsString(site + "-TYPO"));
    }

    @Test
    void pocketLabelsShowCallNumberAuthorTitleAndSiteWithoutABarcode() throws Exception {
        String site = CatalogFixtures.site(CatalogFixtures.uniqueSiteCode());
        String staff = TestTokens.siteStaff(site);
        String titleId = CatalogFixtures.title("The Lions of the Serengeti and Their Cousins of the Plains");
        String barcode = site + "-P01";
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "barcode", barcode, "callNumber", "599.75 LIO"))
                .post("/api/v1/titles/" + titleId + "/copies").then().statusCode(201);

        String pocket = text(given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(barcode), "kind", "POCKET"))
                .post("/api/v1/labels").then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray());
        assertTrue(pocket.contains("599.75 LIO") && pocket.contains("Test Author") && pocket.contains(site), pocket);
        assertTrue(pocket.contains("The Lions of the Serengeti"), "the title's first line: " + pocket);
        assertTrue(pocket.contains("Plains"), "the title's second line: " + pocket);
        assertFalse(pocket.contains(barcode), "a pocket label has no barcode: " + pocket);
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of(barcode), "kind", "CARD"))
                .post("/api/v1/labels").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void badSelectionsAreProblems() {
        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/labels").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of("NOPE-404")))
                .post("/api/v1/labels").then().statusCode(422).body("code", equalTo("unknown-barcodes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of("X"), "layout", "5999"))
                .post("/api/v1/labels").then().statusCode(400).body("errors[0].field", equalTo("layout"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("category", "SPANISH"))
                .post("/api/v1/labels").then().statusCode(400).body("errors[0].field", equalTo("siteCode"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("barcodes", List.of("X"), "skip", 45))
                .post("/api/v1/labels").then().statusCode(400).body("errors[0].field", equalTo("skip"));
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            all.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        return all.toString();
    }
}
