package org.lrms.catalog.marc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrms.catalog.CatalogFixtures;
import org.lrms.testkit.TestTokens;
import org.marc4j.marc.Record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Prefer: respond-async}: 202 with the job's Location, progress a chunk at a time, the summary at the end. */
@QuarkusTest
class MarcImportAsyncTest {

    static final String ISO = "application/marc";

    @Inject
    MarcImportService imports;

    @Inject
    EntityManager em;

    @BeforeEach
    void sites() {
        CatalogFixtures.site("LHS");
    }

    @Test
    void aLargeFileImportedAsynchronouslyShowsItsProgressAndEndsWithItsSummary() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(MarcSamples.book("as" + tag + "-" + i, null, "Async " + tag + " volume " + i,
                    "Writer, Number" + i, String.valueOf(1900 + i % 120)));
        }
        byte[] file = MarcFiles.write(records, MarcFiles.Format.ISO2709);

        ExtractableResponse<Response> accepted = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .contentType(ISO).header("Prefer", "respond-async").body(file)
                .when().post("/api/v1/imports/marc")
                .then().statusCode(202).header("Preference-Applied", equalTo("respond-async"))
                .body("status", equalTo("RUNNING")).body("siteCode", equalTo("LHS"))
                .extract();
        String id = accepted.path("id");
        String location = accepted.header("Location");
        assertTrue(location.endsWith("/api/v1/imports/marc/" + id), location);

        List<Integer> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ExtractableResponse<Response> job = given().auth().oauth2(TestTokens.siteStaff("LHS"))
                    .when().get(location).then().statusCode(200).extract();
            seen.add(job.path("recordsRead"));
            return !"RUNNING".equals(job.path("status"));
        });
        // progress comes a chunk of 200 records at a time and never goes back
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(0, seen.get(i) % MarcImportService.CHUNK, "whole chunks: " + seen);
            assertTrue(i == 0 || seen.get(i) >= seen.get(i - 1), "never back: " + seen);
        }
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().get(location)
                .then().statusCode(200).body("status", equalTo("FINISHED")).body("recordsRead", equalTo(2000))
                .body("created", equalTo(2000)).body("matched", equalTo(0)).body("rejected", equalTo(0))
                .body("finishedAt", notNullValue());
        given().when().get("/api/v1/search?q=async " + tag + " volume 1999")
                .then().statusCode(200).body("results[0].title", equalTo("Async " + tag + " volume 1999"));

        // the job is its starter's (and the district's), not another school's
        given().auth().oauth2(TestTokens.siteStaff("MMS")).when().get(location).then().statusCode(404);
        given().auth().oauth2(TestTokens.districtAdmin()).when().get(location).then().statusCode(200);
    }

    @Test
    void aJobReadAfterItsRequestEndedAppliesTheSharedTitleRuleOfWhoStartedIt() {
        CatalogFixtures.site("MMS");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO)
                .body(MarcFiles.write(List.of(MarcSamples.withHolding(
                        MarcSamples.book("sh" + tag, null, "Held " + tag, "Writer, Old", "2001"),
                        CatalogFixtures.uniqueBarcode())), MarcFiles.Format.ISO2709))
                .when().post("/api/v1/imports/marc?siteCode=LHS").then().statusCode(200).body("created", equalTo(1));

        String location = given().auth().oauth2(TestTokens.siteStaff("MMS")).contentType(ISO)
                .header("Prefer", "respond-async")
                .body(MarcFiles.write(List.of(MarcSamples.book("sh" + tag, null, "Held " + tag, "Writer, New",
                        "2001")), MarcFiles.Format.ISO2709))
                .when().post("/api/v1/imports/marc").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofMinutes(1)).until(() -> !"RUNNING".equals(given()
                .auth().oauth2(TestTokens.siteStaff("MMS")).get(location).then().extract().path("status")));
        given().auth().oauth2(TestTokens.siteStaff("MMS")).get(location)
                .then().statusCode(200).body("status", equalTo("FINISHED")).body("matched", equalTo(1))
                .body("warned", equalTo(1)).body("warnings[0].controlNumber", equalTo("sh" + tag));
        given().when().get("/api/v1/search?q=held " + tag).then().statusCode(200)
                .body("results[0].authors", hasItem("Writer, Old"))
                .body("results[0].authors", not(hasItem("Writer, New")));
    }

    @Test
    void whatCanBeRefusedBeforeTheFirstRecordIsRefusedAtOnce() {
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).header("Prefer", "respond-async")
                .body(new byte[0]).when().post("/api/v1/imports/marc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).header("Prefer", "respond-async")
                .body(new byte[10]).when().post("/api/v1/imports/marc?siteCode=NOWHERE")
                .then().statusCode(422).body("errors[0].field", equalTo("siteCode"));
        // without the preference, the answer is the summary, as before
        byte[] one = MarcFiles.write(List.of(MarcSamples.book("sy" + UUID.randomUUID(), null, "Sync", "A, B",
                "2000")), MarcFiles.Format.ISO2709);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ISO).header("Prefer", "return=minimal")
                .body(one).when().post("/api/v1/imports/marc")
                .then().statusCode(200).body("status", equalTo("FINISHED")).body("created", equalTo(1));
    }

    @Test
    void aJobLeftRunningByAStoppedProcessIsMarkedFailed() {
        UUID abandoned = UUID.randomUUID();
        UUID moving = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            insertRunning(abandoned, Instant.now().minus(Duration.ofHours(1)));
            insertRunning(moving, Instant.now());
        });

        assertTrue(imports.failAbandoned() >= 1);

        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/marc/" + abandoned)
                .then().statusCode(200).body("status", equalTo("FAILED")).body("finishedAt", notNullValue())
                .body("failure", endsWith("add nothing twice"));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/imports/marc/" + moving)
                .then().statusCode(200).body("status", equalTo("RUNNING"));
    }

    private void insertRunning(UUID id, Instant progressAt) {
        em.createNativeQuery("INSERT INTO marc_import (id, file_format, match_mode, status, started_by, started_at,"
                        + " progress_at) VALUES (?1, 'ISO2709', 'STRICT', 'RUNNING', 'district.admin', ?2, ?2)")
                .setParameter(1, id).setParameter(2, progressAt).executeUpdate();
    }
}
