package org.lrms.circulation.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.FeeWaived;
import org.lrms.testkit.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Year-end bulk waivers: one site, several or all; a grade or the graduating class; a dry run first. */
@QuarkusTest
class BulkWaiverTest {

    private static String charge(String site, String patronId, String amount) {
        return given().auth().oauth2(TestTokens.siteStaff(site)).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", amount))
                .when().post("/api/v1/patrons/" + patronId + "/fees")
                .then().statusCode(201).extract().path("id");
    }

    private static Response bulk(String token, Map<String, Object> body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/fees/bulk-waivers");
    }

    private static float balance(String patronId) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().extract().path("feeBalance");
    }

    private static long waivers(String site) {
        return Fixtures.count("SELECT count(*) FROM fee_transaction t JOIN fee f ON f.id = t.fee_id "
                + "WHERE f.site_code = ? AND t.kind = 'WAIVER'", site);
    }

    @Test
    void theGraduatingClassOfSeveralSitesIsCountedByADryRunThenWaivedOnce() {
        String a = Fixtures.newSite();
        String b = Fixtures.newSite();
        String c = Fixtures.newSite();
        String seniorA = Fixtures.newPatron(a, Fixtures.unique("P"), "STUDENT", "12");
        String juniorA = Fixtures.newPatron(a, Fixtures.unique("P"), "STUDENT", "11");
        String graduatedA = Fixtures.newPatron(a, Fixtures.unique("P"), "STUDENT", "11");
        Fixtures.update("UPDATE patron SET status = 'GRADUATED' WHERE id = ?", UUID.fromString(graduatedA));
        String seniorB = Fixtures.newPatron(b, Fixtures.unique("P"), "STUDENT", "12");
        String seniorC = Fixtures.newPatron(c, Fixtures.unique("P"), "STUDENT", "12");
        String seniorFee = charge(a, seniorA, "6.00");
        charge(a, seniorA, "2.00");
        charge(a, juniorA, "5.00");
        charge(a, graduatedA, "7.00");
        charge(b, seniorB, "4.00");
        charge(c, seniorC, "3.00");
        Map<String, Object> body = new HashMap<>(Map.of("siteCodes", List.of(a, b.toLowerCase()),
                "graduatingClass", true, "reason", "class of 2027 graduates", "dryRun", true));

        JsonPath dry = bulk(TestTokens.districtAdmin(), body, null).then().statusCode(200).extract().jsonPath();
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(0, dry.getInt("waived"));
        assertEquals(4, dry.getInt("fees"));
        assertEquals(3, dry.getInt("patrons"));
        assertEquals(19.0f, dry.getFloat("amount"));
        assertEquals(List.of(a, b).stream().sorted().toList(), dry.getList("sites.siteCode"));
        assertEquals(3, dry.getInt("sites.find { it.siteCode == '" + a + "' }.fees"));
        assertEquals(2, dry.getInt("sites.find { it.siteCode == '" + a + "' }.patrons"));
        assertEquals(15.0f, dry.getFloat("sites.find { it.siteCode == '" + a + "' }.amount"));
        // a dry run changes nothing
        assertEquals(8.0f, balance(seniorA));
        assertEquals(0, waivers(a) + waivers(b));

        body.remove("dryRun");
        String answer = bulk(TestTokens.districtAdmin(), body, "year-end-" + a).then().statusCode(200)
                .body("dryRun", equalTo(false)).body("waived", equalTo(4)).body("patrons", equalTo(3))
                .body("amount", equalTo(19.0f)).extract().asString();
        assertEquals(0.0f, balance(seniorA));
        assertEquals(0.0f, balance(graduatedA));
        assertEquals(5.0f, balance(juniorA));
        assertEquals(0.0f, balance(seniorB));
        assertEquals(3.0f, balance(seniorC));
        assertEquals(4, waivers(a) + waivers(b));
        List<EventEnvelope> events = Fixtures.awaitEvents(Topics.CIRCULATION_FEES, seniorFee,
                seen -> seen.size() >= 2);
        assertEquals("FeeWaived", events.get(1).type());
        assertEquals("class of 2027 graduates", EventJson.payload(events.get(1), FeeWaived.class).reason());

        // retried with the same key: the first answer, nothing waived again
        charge(a, seniorA, "1.00");
        assertEquals(answer, bulk(TestTokens.districtAdmin(), body, "year-end-" + a).then().statusCode(200)
                .extract().asString());
        assertEquals(4, waivers(a) + waivers(b));
        assertEquals(1.0f, balance(seniorA));
        // without a key, what was waived is not waived twice (only the fee assessed since is)
        bulk(TestTokens.districtAdmin(), body, null).then().statusCode(200).body("waived", equalTo(1))
                .body("amount", equalTo(1.0f));
        assertEquals(5, waivers(a) + waivers(b));
    }

    @Test
    void aGradeOfEverySiteOrOfOneSiteAsBefore() {
        String a = Fixtures.newSite();
        String b = Fixtures.newSite();
        // a grade no other test uses, so every site's patrons of it are these
        String grade = "G" + Fixtures.unique("").substring(0, 6);
        String inA = Fixtures.newPatron(a, Fixtures.unique("P"), "STUDENT", grade);
        String inB = Fixtures.newPatron(b, Fixtures.unique("P"), "STUDENT", grade);
        String otherGrade = Fixtures.newPatron(b, Fixtures.unique("P"), "STUDENT", "12");
        charge(a, inA, "1.25");
        charge(b, inB, "2.50");
        charge(b, otherGrade, "4.00");
        Map<String, Object> everySite = Map.of("allSites", true, "grade", grade, "reason", "year end",
                "dryRun", true);
        bulk(TestTokens.districtAdmin(), everySite, null).then().statusCode(200).body("fees", equalTo(2))
                .body("patrons", equalTo(2)).body("amount", equalTo(3.75f));
        // the earlier form: one site, one grade
        bulk(TestTokens.districtAdmin(), Map.of("siteCode", b, "grade", grade, "reason", "year end"), null)
                .then().statusCode(200).body("waived", equalTo(1)).body("sites[0].siteCode", equalTo(b));
        assertEquals(1.25f, balance(inA));
        assertEquals(0.0f, balance(inB));
        assertEquals(4.0f, balance(otherGrade));
        bulk(TestTokens.districtAdmin(), Map.of("allSites", true, "grade", grade, "reason", "year end"), null)
                .then().statusCode(200).body("waived", equalTo(1)).body("amount", equalTo(1.25f));
        assertEquals(0.0f, balance(inA));
        assertEquals(4.0f, balance(otherGrade));
    }

    @Test
    void aBulkWaiverMustSayWhichSitesAndWhichPatronsAndIsForDistrictStaff() {
        String a = Fixtures.newSite();
        String senior = Fixtures.newPatron(a, Fixtures.unique("P"), "STUDENT", "12");
        charge(a, senior, "6.00");
        String admin = TestTokens.districtAdmin();
        bulk(TestTokens.siteStaff(a), Map.of("siteCode", a, "grade", "12", "reason", "year end"), null)
                .then().statusCode(403);
        bulk(TestTokens.integration(), Map.of("siteCode", a, "grade", "12", "reason", "year end"), null)
                .then().statusCode(403);
        bulk(admin, Map.of("grade", "12", "reason", "year end"), null).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("siteCode"));
        bulk(admin, Map.of("siteCode", a, "allSites", true, "grade", "12", "reason", "year end"), null)
                .then().statusCode(400).body("errors[0].field", equalTo("siteCode"));
        bulk(admin, Map.of("siteCode", a, "reason", "year end"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("grade"));
        bulk(admin, Map.of("siteCode", a, "grade", "12", "graduatingClass", true, "reason", "year end"), null)
                .then().statusCode(400).body("errors[0].field", equalTo("grade"));
        bulk(admin, Map.of("siteCodes", List.of(), "grade", "12", "reason", "year end"), null)
                .then().statusCode(400).body("errors[0].field", equalTo("siteCodes"));
        bulk(admin, Map.of("siteCodes", List.of(a, "NOSUCH"), "grade", "12", "reason", "year end"), null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("unknown-site")).body("errors[0].field", equalTo("siteCodes[1]"));
        bulk(admin, Map.of("siteCode", a, "grade", "12", "reason", "  "), null).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertEquals(6.0f, balance(senior));
        assertEquals(0, waivers(a));
    }

    @Test
    void aRetryAfterACrashPartWayWaivesTheRestOnceAndAnswersForAll() {
        // two patrons per transaction in tests: five patrons are three transactions
        String site = Fixtures.newSite();
        List<String> fees = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "7");
            fees.add(charge(site, patronId, i + ".00"));
        }
        // the service "stops" at the last patron (the last in id order, so in the third transaction)
        Object last = Fixtures.row("SELECT f.id FROM fee f JOIN patron p ON p.id = f.patron_id "
                + "WHERE p.home_site = ? ORDER BY p.id DESC LIMIT 1", site).get("id");
        Fixtures.update("CREATE FUNCTION bulk_waiver_test_stop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.fee_id = '" + last + "' THEN RAISE EXCEPTION 'the service stopped'; END IF; "
                + "RETURN NEW; END $$");
        Fixtures.update("CREATE TRIGGER bulk_waiver_test_stop BEFORE INSERT ON fee_transaction FOR EACH ROW "
                + "EXECUTE FUNCTION bulk_waiver_test_stop()");
        Map<String, Object> body = Map.of("siteCode", site, "grade", "7", "reason", "year end");
        String key = UUID.randomUUID().toString();
        try {
            int status = bulk(TestTokens.districtAdmin(), body, key).then().extract().statusCode();
            assertEquals(500, status);
        } finally {
            Fixtures.update("DROP TRIGGER bulk_waiver_test_stop ON fee_transaction");
            Fixtures.update("DROP FUNCTION bulk_waiver_test_stop()");
        }
        // the first two transactions (four patrons) were committed, the third not
        assertEquals(4, waivers(site));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM fee WHERE id = ? AND status = 'OPEN'", last));

        // the retry goes on with the same run: the rest waived, nothing twice, and the answer counts all five
        JsonPath done = bulk(TestTokens.districtAdmin(), body, key).then().statusCode(200).extract().jsonPath();
        assertEquals(5, done.getInt("waived"));
        assertEquals(5, done.getInt("fees"));
        assertEquals(5, done.getInt("patrons"));
        assertEquals(15.0f, done.getFloat("amount"));
        assertEquals(List.of(site), done.getList("sites.siteCode"));
        assertEquals(5, waivers(site));
        for (String fee : fees) {
            assertEquals(1, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ?::uuid "
                    + "AND kind = 'WAIVER'", fee));
        }
        // once answered, the same key answers the same again and waives nothing
        assertEquals(done.prettify(), bulk(TestTokens.districtAdmin(), body, key).then().statusCode(200)
                .extract().jsonPath().prettify());
        assertEquals(5, waivers(site));
    }
}
