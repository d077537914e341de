package org.lrms.catalog.generator;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.title.Isbn;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CatalogDataGeneratorTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void loadsASearchableCatalogAndTheSameSeedGivesTheSameData() throws Exception {
        CatalogDataGenerator.Loaded loaded;
        try (Connection connection = dataSource.getConnection()) {
            loaded = new CatalogDataGenerator(7).load(connection, new CatalogDataGenerator.Size(500, 3, 4));
        }
        assertEquals(500, loaded.titles());
        assertTrue(loaded.copies() > 500);
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM title WHERE id::text LIKE '00000000-0000-0007-%'"
                     + " AND search_vector IS NOT NULL")) {
            rs.next();
            assertEquals(500, rs.getLong(1), "the search trigger ran for COPY too");
        }
        String barcode = loaded.sampleBarcodes().get(0);
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/copies/" + barcode)
                .then().statusCode(200).body("barcode", equalTo(barcode));
        given().get("/api/v1/search?q=" + loaded.sampleWords().get(0)).then().statusCode(200)
                .body("total", greaterThan(0));

        SplittableRandom a = new SplittableRandom(1);
        SplittableRandom b = new SplittableRandom(1);
        String isbn = CatalogDataGenerator.isbn13(a);
        assertEquals(isbn, CatalogDataGenerator.isbn13(b));
        assertTrue(Isbn.isValid(isbn));
    }
}
