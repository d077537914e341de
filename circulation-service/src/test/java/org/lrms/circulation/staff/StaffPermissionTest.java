package org.lrms.circulation.staff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Desk permissions: only a supervisor (a site-staff user granted {@code override-refusal} or {@code waive-fees} at the
 * desk's site, or a district admin) overrides a refusal or waives a fee; district admins grant and revoke, audited.
 */
@QuarkusTest
class StaffPermissionTest {

    private static final String PATH = "/api/v1/staff-permissions";

    private static Response grant(String token, String username, String site, String permission) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", username, "siteCode", site, "permission", permission))
                .when().post(PATH);
    }

    /** A blocked patron and a copy at a fresh site: a check-out there is refused, overridably. */
    private record Desk(String site, String patron, CopySnapshot copy) {
    }

    private static Desk blockedPatronDesk() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, patron, "STUDENT", "9");
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("note", "owes a book")).when().put("/api/v1/patrons/" + patronId + "/block")
                .then().statusCode(200);
        return new Desk(site, patron, Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null));
    }

    private static Response overrideAt(String token, Desk d) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", d.site(), "patronBarcode", d.patron(), "itemBarcode", d.copy().barcode(),
                        "overrideReason", "class project due tomorrow"))
                .when().post("/api/v1/checkouts");
    }

    private static long loans(Desk d) {
        return Fixtures.count("SELECT count(*) FROM loan WHERE copy_id = ?", d.copy().copyId());
    }

    @Test
    void aTechnicianWithoutThePermissionCannotOverrideAndIsToldWhichPermissionItTakes() {
        Desk d = blockedPatronDesk();
        String tech = TestTokens.siteStaff(d.site());
        overrideAt(tech, d).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("permission-required"))
                .body("detail", containsString("override-refusal"))
                .body("context.permission", equalTo("override-refusal"))
                .body("context.siteCode", equalTo(d.site()))
                .body("context.refusals", equalTo("patron-blocked"));
        assertEquals(0, loans(d));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM circulation_override WHERE site_code = ?", d.site()));

        // the permission at another site is not the permission here
        String other = Fixtures.newSite();
        grant(TestTokens.districtAdmin(), "tech." + d.site().toLowerCase(), other, "override-refusal")
                .then().statusCode(201);
        overrideAt(tech, d).then().statusCode(403).body("code", equalTo("permission-required"));
        // nor is the other permission
        grant(TestTokens.districtAdmin(), "tech." + d.site().toLowerCase(), d.site(), "waive-fees")
                .then().statusCode(201);
        overrideAt(tech, d).then().statusCode(403);
        assertEquals(0, loans(d));

        grant(TestTokens.districtAdmin(), "tech." + d.site().toLowerCase(), d.site(), "override-refusal")
                .then().statusCode(201);
        overrideAt(tech, d).then().statusCode(201).body("overrideReason", equalTo("class project due tomorrow"));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM circulation_override WHERE site_code = ? "
                + "AND overridden_by = 'tech." + d.site().toLowerCase() + "'", d.site()));
    }

    @Test
    void aDistrictAdminAlwaysHoldsThePermissions() {
        Desk d = blockedPatronDesk();
        overrideAt(TestTokens.districtAdmin(), d).then().statusCode(201);
    }

    @Test
    void aReasonWhereNothingIsRefusedNeedsNoPermission() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        overrideAt(TestTokens.siteStaff(site), new Desk(site, patron, copy)).then().statusCode(201)
                .body("overrideReason", equalTo(null));
    }

    @Test
    void everyTechnicianOfASiteOrEverySiteOfAUserIsGrantedWithAStar() {
        Desk d = blockedPatronDesk();
        String someone = "tech.someone." + d.site().toLowerCase();
        String token = TestTokens.token(someone, Set.of("site-staff"), List.of(d.site()));
        overrideAt(token, d).then().statusCode(403);

        // every site-staff user at this site
        grant(TestTokens.districtAdmin(), "*", d.site(), "override-refusal").then().statusCode(201)
                .body("username", equalTo("*"));
        overrideAt(token, d).then().statusCode(201);

        // one user at every site their token holds, and only there
        Desk second = blockedPatronDesk();
        Desk elsewhere = blockedPatronDesk();
        String roaming = "tech.roaming." + second.site().toLowerCase();
        String roamingToken = TestTokens.token(roaming, Set.of("site-staff"), List.of(second.site()));
        overrideAt(roamingToken, second).then().statusCode(403);
        grant(TestTokens.districtAdmin(), roaming.toUpperCase(), "*", "OVERRIDE-REFUSAL").then().statusCode(201)
                .body("username", equalTo(roaming)).body("siteCode", equalTo("*"))
                .body("permission", equalTo("override-refusal"));
        overrideAt(roamingToken, second).then().statusCode(201);
        // a site outside the token stays out of reach
        overrideAt(roamingToken, elsewhere).then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void aWaiverWithoutThePermissionIsRefusedAndWaivesNothing() {
        String site = Fixtures.newSite();
        String patronId = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String tech = TestTokens.siteStaff(site);
        String feeId = given().auth().oauth2(tech).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "4.00", "note", "torn page"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201).extract().path("id");
        given().auth().oauth2(tech).contentType(ContentType.JSON).body(Map.of("reason", "hardship"))
                .when().post("/api/v1/fees/" + feeId + "/waivers").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("permission-required"))
                .body("context.permission", equalTo("waive-fees"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM fee_transaction WHERE fee_id = ?", UUID.fromString(feeId)));
        given().auth().oauth2(TestTokens.districtAdmin()).when().get("/api/v1/patrons/" + patronId)
                .then().body("feeBalance", equalTo(4.0f));

        grant(TestTokens.districtAdmin(), "tech." + site.toLowerCase(), site, "waive-fees").then().statusCode(201);
        given().auth().oauth2(tech).contentType(ContentType.JSON).body(Map.of("amount", "1.00", "reason", "hardship"))
                .when().post("/api/v1/fees/" + feeId + "/waivers").then().statusCode(200)
                .body("balance", equalTo(3.0f));
        // a district admin waives without a grant
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("reason", "hardship")).when().post("/api/v1/fees/" + feeId + "/waivers")
                .then().statusCode(200).body("status", equalTo("WAIVED"));
    }

    @Test
    void districtAdminsGrantListAndRevokeAndEveryChangeIsAudited() {
        String site = Fixtures.newSite();
        String user = "supervisor." + site.toLowerCase();
        String admin = TestTokens.districtAdmin();

        grant(admin, user, site, "override-refusal").then().statusCode(201)
                .body("username", equalTo(user)).body("siteCode", equalTo(site))
                .body("grantedBy", equalTo("district.admin")).body("grantedAt", notNullValue());
        // granted again: the same grant, nothing new
        grant(admin, user, site.toLowerCase(), "override-refusal").then().statusCode(200);
        given().auth().oauth2(admin).queryParam("siteCode", site).when().get(PATH).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].username", equalTo(user))
                .body("[0].permission", equalTo("override-refusal"));

        given().auth().oauth2(admin).when().delete(PATH + "/" + user + "/" + site + "/override-refusal")
                .then().statusCode(204);
        given().auth().oauth2(admin).when().delete(PATH + "/" + user + "/" + site + "/override-refusal")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).queryParam("username", user).when().get(PATH).then().body("$", hasSize(0));

        assertEquals(1, Fixtures.count("SELECT count(*) FROM staff_permission_change WHERE username = ? "
                + "AND action = 'GRANTED' AND by_user = 'district.admin'", user));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM staff_permission_change WHERE username = ? "
                + "AND action = 'REVOKED' AND by_user = 'district.admin'", user));
        given().auth().oauth2(admin).when().get(PATH + "/changes").then().statusCode(200)
                .body("find { it.username == '" + user + "' && it.action == 'REVOKED' }.byUser",
                        equalTo("district.admin"));
    }

    @Test
    void aRevokedPermissionNoLongerOverrides() {
        Desk d = blockedPatronDesk();
        String user = "tech." + d.site().toLowerCase();
        grant(TestTokens.districtAdmin(), user, d.site(), "override-refusal").then().statusCode(201);
        given().auth().oauth2(TestTokens.districtAdmin())
                .when().delete(PATH + "/" + user + "/" + d.site() + "/override-refusal").then().statusCode(204);
        overrideAt(TestTokens.siteStaff(d.site()), d).then().statusCode(403);
        assertEquals(0, loans(d));
    }

    @Test
    void badGrantsAreRefusedNamingTheFieldAndChangeNothing() {
        String site = Fixtures.newSite();
        String admin = TestTokens.districtAdmin();
        grant(admin, "has space", site, "override-refusal").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("username"));
        grant(admin, "tech.x", "NOSUCHSITE", "override-refusal").then().statusCode(400)
                .body("errors[0].field", equalTo("siteCode"));
        grant(admin, "tech.x", site, "check-out").then().statusCode(400)
                .body("errors[0].field", equalTo("permission"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("siteCode", site))
                .when().post(PATH).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).when().delete(PATH + "/tech.x/" + site + "/check-out").then().statusCode(400);
        assertEquals(0, Fixtures.count("SELECT count(*) FROM staff_permission WHERE site_code = ?", site));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM staff_permission_change WHERE site_code = ?", site));
    }

    @Test
    void onlyDistrictAdminsManagePermissions() {
        String site = Fixtures.newSite();
        given().when().get(PATH).then().statusCode(401);
        given().auth().oauth2(TestTokens.siteStaff(site)).when().get(PATH).then().statusCode(403);
        grant(TestTokens.siteStaff(site), "tech." + site.toLowerCase(), site, "override-refusal")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.siteStaff(site))
                .when().delete(PATH + "/tech.x/" + site + "/override-refusal").then().statusCode(403);
        given().auth().oauth2(TestTokens.teacher(site)).when().get(PATH).then().statusCode(403);
        assertEquals(0, Fixtures.count("SELECT count(*) FROM staff_permission WHERE site_code = ?", site));
    }
}
