package org.lrms.circulation.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bearer token verified once is answered from the kit's cache of verified tokens on the next requests, with the
 * same roles and sites; it still stops working when it expires, and a token never verified (another signature) is
 * still refused.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Test
    void aVerifiedTokenIsAnsweredAgainWithTheSameRolesAndSites() {
        String site = Fixtures.newSite();
        String other = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "7");
        String token = TestTokens.siteStaff(site);

        double hitsBefore = hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/patrons/" + id)
                    .then().statusCode(200).body("grade", equalTo("7"));
        }
        assertTrue(hits() >= hitsBefore + 2, "the second and third requests come from the cache");

        // the same identity still holds only its own site
        String otherPatron = Fixtures.newPatron(other, Fixtures.unique("P"), "STUDENT", "7");
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + otherPatron).then().statusCode(403);
        given().auth().oauth2(TestTokens.teacher(site)).when().get("/api/v1/patrons/" + id).then().statusCode(403);
    }

    @Test
    void aCachedTokenStopsWorkingWhenItExpires() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "8");
        String token = TestTokens.token("desk.short", Set.of("site-staff"), List.of(site), Duration.ofSeconds(3));

        given().auth().oauth2(token).when().get("/api/v1/patrons/" + id).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/patrons/" + id).then().statusCode(401));
    }

    @Test
    void aTokenWithAnotherSignatureIsRefusedEvenWhenItsClaimsWereVerified() {
        String site = Fixtures.newSite();
        String id = Fixtures.newPatron(site, Fixtures.unique("P"), "STUDENT", "9");
        String token = TestTokens.siteStaff(site);
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + id).then().statusCode(200);

        int at = token.lastIndexOf('.') + 20; // a character inside the signature: every one of its bits counts
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'Q' : 'A') + token.substring(at + 1);
        given().auth().oauth2(forged).when().get("/api/v1/patrons/" + id).then().statusCode(401);
        given().auth().oauth2(token).when().get("/api/v1/patrons/" + id).then().statusCode(200);
    }

    private static double hits() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^lrms_security_verified_tokens_total\\{[^}]*outcome=\"hit\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
