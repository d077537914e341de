package org.lrms.circulation.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.circulation.loan.LoanSweeper;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NoticesTest {

    @Inject
    LoanSweeper sweeper;

    @Inject
    MockMailbox mailbox;

    @Inject
    Notices notices;

    @Inject
    AgroalDataSource db;

    @Test
    void theMockMailerLogsNoWholeEMailAtInfo() {
        // the mock mailer logs every e-mail, patron's name and all, at INFO under this category (MutinyMailerImpl)
        org.jboss.logging.Logger mailerLog = org.jboss.logging.Logger.getLogger("quarkus-mailer");
        assertFalse(mailerLog.isInfoEnabled(), "no e-mail body in the log");
        assertTrue(mailerLog.isEnabled(org.jboss.logging.Logger.Level.WARN), "a mail that cannot go is still told");
    }

    @Test
    void overdueNoticesAreEmailedInThePatronsLanguageOrPrintedByHomeroom() throws Exception {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String withEmail = Fixtures.unique("P");
        String email = withEmail.toLowerCase() + "@students.example.org";
        Map<String, Object> patron = Fixtures.patronJson(site, withEmail, "STUDENT", "9");
        patron.put("email", email);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(patron).when().post("/api/v1/patrons")
                .then().statusCode(201);
        String withoutEmail = Fixtures.unique("P");
        Fixtures.newPatron(site, withoutEmail, "STUDENT", "9");

        for (String barcode : new String[]{withEmail, withoutEmail}) {
            overdueLoan(site, token, barcode);
        }
        sweeper.sweep(Instant.now());

        given().auth().oauth2(token).queryParam("site", site).queryParam("pending", true)
                .when().get("/api/v1/notices")
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].subject", equalTo("Aviso de libro atrasado"))
                .body("[0].body", containsString("Holes"));

        given().auth().oauth2(token).queryParam("site", site).when().post("/api/v1/notices/emails")
                .then().statusCode(200).body("sent", equalTo(1));
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        assertEquals("Aviso de libro atrasado", mailbox.getMailsSentTo(email).get(0).getSubject());

        byte[] pdf = given().auth().oauth2(token).queryParam("site", site).when().post("/api/v1/notices/print")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
        given().auth().oauth2(token).queryParam("site", site).queryParam("pending", true)
                .when().get("/api/v1/notices").then().body("", hasSize(0));
    }

    @Test
    void theDailyRunEmailsEverySitesPendingNoticesOnceAndLeavesTheOthersForPrinting() throws Exception {
        String[] sites = {Fixtures.newSite(), Fixtures.newSite()};
        String[] emails = new String[2];
        for (int i = 0; i < 2; i++) {
            String token = TestTokens.siteStaff(sites[i]);
            String barcode = Fixtures.unique("P");
            emails[i] = barcode.toLowerCase() + "@students.example.org";
            Map<String, Object> patron = Fixtures.patronJson(sites[i], barcode, "STUDENT", "9");
            patron.put("email", emails[i]);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(patron).when().post("/api/v1/patrons")
                    .then().statusCode(201);
            overdueLoan(sites[i], token, barcode);
        }
        String withoutEmail = Fixtures.unique("P");
        Fixtures.newPatron(sites[0], withoutEmail, "STUDENT", "9");
        overdueLoan(sites[0], TestTokens.siteStaff(sites[0]), withoutEmail);
        sweeper.sweep(Instant.now());

        assertTrue(notices.emailPending() >= 2);
        for (int i = 0; i < 2; i++) {
            assertEquals(1, mailbox.getMailsSentTo(emails[i]).size());
        }
        given().auth().oauth2(TestTokens.siteStaff(sites[0])).queryParam("site", sites[0]).queryParam("pending", true)
                .when().get("/api/v1/notices").then().statusCode(200).body("", hasSize(1))
                .body("[0].patronBarcode", equalTo(withoutEmail));

        notices.emailPending();
        for (int i = 0; i < 2; i++) {
            assertEquals(1, mailbox.getMailsSentTo(emails[i]).size(), "a notice e-mailed once is not sent again");
        }
    }

    private void overdueLoan(String site, String token, String patronBarcode) throws Exception {
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        String loanId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "patronBarcode", patronBarcode, "itemBarcode", copy.barcode()))
                .when().post("/api/v1/checkouts").then().statusCode(201).extract().path("id");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE loan SET due_at = now() - interval '2 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(loanId));
            s.executeUpdate();
        }
    }

    @Test
    void aFeeAssessedGivesAFineNoticeAndAHoldOnTheShelfAHoldAvailableNotice() {
        String site = Fixtures.newSite();
        String token = TestTokens.siteStaff(site);
        String barcode = Fixtures.unique("P");
        String patronId = Fixtures.newPatron(site, barcode, "STUDENT", "9");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "kind", "DAMAGED", "amount", "4.00", "note", "torn pages"))
                .when().post("/api/v1/patrons/" + patronId + "/fees").then().statusCode(201);

        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", null);
        Map<String, Object> hold = new java.util.HashMap<>(Map.of("patronBarcode", barcode, "pickupSite", site));
        hold.put("titleId", copy.titleId().toString());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(hold).when().post("/api/v1/holds")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("siteCode", site, "itemBarcode", copy.barcode())).when().post("/api/v1/checkins")
                .then().statusCode(200).body("nextCopyStatus", equalTo("ON_HOLD_SHELF"));

        given().auth().oauth2(token).queryParam("site", site).queryParam("pending", true)
                .when().get("/api/v1/notices").then().statusCode(200).body("", hasSize(2))
                .body("find { it.kind == 'FINE' }.subject", equalTo("Cargo en tu cuenta de la biblioteca"))
                .body("find { it.kind == 'FINE' }.body", containsString("$4.00 (libro dañado)"))
                .body("find { it.kind == 'HOLD_AVAILABLE' }.subject", equalTo("Tu reserva está disponible"))
                .body("find { it.kind == 'HOLD_AVAILABLE' }.body", containsString("Holes"));
    }

    @Test
    void noticesAreForStaffOfTheSite() {
        String site = Fixtures.newSite();
        given().auth().oauth2(TestTokens.siteStaff("ELSEWHERE")).queryParam("site", site)
                .when().get("/api/v1/notices").then().statusCode(403);
        given().auth().oauth2(TestTokens.teacher(site)).queryParam("site", site)
                .when().get("/api/v1/notices").then().statusCode(403);
        given().queryParam("site", site).when().get("/api/v1/notices").then().statusCode(401);
    }
}
