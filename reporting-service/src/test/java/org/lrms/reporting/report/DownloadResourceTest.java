package org.lrms.reporting.report;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.testkit.TestTokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lrms.reporting.Fixtures.copy;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;

/** Every report downloads as CSV, XLSX or PDF, by {@code ?format=} or the Accept header, under the same rules. */
@QuarkusTest
class DownloadResourceTest {

    @Test
    void collectionDownloadsAsCsvXlsxAndPdf() throws Exception {
        String site = newSite();
        UUID c = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, site, c, new CopyAdded(copy(c, UUID.randomUUID(), site, "BOOK", "599.5", 2004,
                "19.99", LocalDate.of(2026, 9, 1))));
        String staff = TestTokens.siteStaff(site);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(staff)
                .when().get("/api/v1/reports/collection?site=" + site).then().statusCode(200)
                .body("copies", equalTo(1)));

        String csv = given().auth().oauth2(staff)
                .when().get("/api/v1/reports/collection?format=csv&site=" + site)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("collection-" + site + ".csv"))
                .extract().body().asString();
        assertEquals("Collection statistics", csv.lines().findFirst().orElseThrow());
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("500,Science,1,1,2004.0,19.99,1,0"), csv);

        byte[] xlsx = given().auth().oauth2(staff).accept(Downloads.XLSX)
                .when().get("/api/v1/reports/collection?site=" + site)
                .then().statusCode(200).contentType(Downloads.XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1.0, book.getSheet("By Dewey class").getRow(1).getCell(3).getNumericCellValue());
        }

        byte[] pdf = given().auth().oauth2(staff).accept(Downloads.PDF)
                .when().get("/api/v1/reports/collection?site=" + site)
                .then().statusCode(200).contentType(Downloads.PDF).extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void circulationAndFeesDownloadToo() {
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/circulation?format=xlsx")
                .then().statusCode(200).contentType(Downloads.XLSX);
        given().auth().oauth2(TestTokens.districtAdmin()).accept("text/csv")
                .when().get("/api/v1/reports/fees")
                .then().statusCode(200).contentType("text/csv").body(containsString("Fines and fees"));
    }

    @Test
    void downloadsFollowTheSameAccessRules() {
        given().when().get("/api/v1/reports/collection?format=pdf").then().statusCode(401);
        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/reports/collection?format=csv")
                .then().statusCode(403);
    }
}
