package org.lrms.reporting.patron;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.patron;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.site;

@QuarkusTest
class PatronReportTest {

    @Test
    void overdueListsFeesAndItemsOutByHomeroomWithPseudonymousKeysOnly() {
        String site = newSite();
        String other = newSite();
        site(site);
        site(other);
        String ana = "pk-ana-" + UUID.randomUUID();
        String ben = "pk-ben-" + UUID.randomUUID();
        String cy = "pk-cy-" + UUID.randomUUID();
        send(Topics.CIRCULATION_PATRONS, site, ana, new PatronCreated(patron(ana, "STUDENT", site, "4", "Room 12",
                "ACTIVE")));
        send(Topics.CIRCULATION_PATRONS, site, ben, new PatronCreated(patron(ben, "STUDENT", site, "5", "Room 7",
                "ACTIVE")));
        send(Topics.CIRCULATION_PATRONS, site, cy, new PatronCreated(patron(cy, "STUDENT", site, "5", "Room 7",
                "ACTIVE")));
        send(Topics.CIRCULATION_PATRONS, site, cy, new PatronDeactivated(patron(cy, "STUDENT", site, "5", "Room 7",
                "INACTIVE"), "left the district"));
        UUID frogs = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, frogs, new TitleCreated(title(frogs, "Frogs", "BOOK", "597.8", 2015)));

        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        LoanSnapshot overdue = loan(UUID.randomUUID(), frogs, site, ana, "STUDENT", "4", "BOOK", "597.8", longAgo);
        LoanSnapshot current = loan(UUID.randomUUID(), frogs, site, ben, "STUDENT", "5", "BOOK", "597.8",
                Instant.now());
        LoanSnapshot returned = loan(UUID.randomUUID(), frogs, site, ben, "STUDENT", "5", "BOOK", "597.8", longAgo);
        LoanSnapshot lost = loan(UUID.randomUUID(), frogs, site, cy, "STUDENT", "5", "BOOK", "597.8", longAgo);
        LoanSnapshot elsewhere = loan(UUID.randomUUID(), frogs, other, "pk-x", "STUDENT", "5", "BOOK", "597.8",
                longAgo);
        for (LoanSnapshot l : new LoanSnapshot[] {overdue, current, returned, lost, elsewhere}) {
            send(Topics.CIRCULATION_LOANS, l.siteCode(), l.loanId(), new LoanCreated(l, null));
        }
        send(Topics.CIRCULATION_LOANS, site, returned.loanId(), new LoanClosed(returned, Instant.now(), site,
                "AVAILABLE"));
        send(Topics.CIRCULATION_LOANS, site, lost.loanId(), new LoanDeclaredLost(lost));
        send(Topics.CIRCULATION_FEES, site, "f1", new FeeAssessed(new FeeSnapshot(UUID.randomUUID(), cy, "STUDENT",
                "5", site, "LOST", new BigDecimal("18.00"), new BigDecimal("18.00"), "OPEN", lost.loanId(), null,
                "BOOK")));

        String staff = TestTokens.siteStaff(site);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/overdue?site=" + site)
                    .then().statusCode(200).body("count", equalTo(1)).body("rows[0].title", equalTo("Frogs"));
            given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/with-fees?site=" + site)
                    .then().statusCode(200).body("count", equalTo(1));
            given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/items-out?site=" + site)
                    .then().statusCode(200).body("count", equalTo(3));
        });
        given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/overdue?site=" + site)
                .then().statusCode(200)
                .body("report", equalTo("overdue"))
                .body("rows[0].patronKey", equalTo(ana))
                .body("rows[0].homeroom", equalTo("Room 12"))
                .body("rows[0].grade", equalTo("4"))
                .body("rows[0].daysOverdue", equalTo(16))
                .body(not(containsString("Firstname")))
                .body(not(containsString("Lastname")))
                .body(not(containsString("SIS-")));
        given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/with-fees?site=" + site)
                .then().body("rows[0].patronKey", equalTo(cy))
                .body("rows[0].outstanding", equalTo(18.0f))
                .body("rows[0].homeroom", equalTo("Room 7"));
        given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/items-out?site=" + site)
                .then().body("rows.homeroom", org.hamcrest.Matchers.contains("Room 12", "Room 7", "Room 7"));
        given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/items-out?inactive=true&site=" + site)
                .then().body("rows", hasSize(1))
                .body("rows[0].patronKey", equalTo(cy))
                .body("rows[0].patronStatus", equalTo("INACTIVE"))
                .body("rows[0].itemsLost", equalTo(1));
        given().auth().oauth2(staff).when().get("/api/v1/reports/patrons/overdue?site=" + site + "&format=csv")
                .then().statusCode(200).contentType("text/csv").body(containsString("Room 12"));
    }

    @Test
    void patronReportsAreForLibraryStaffOfTheSiteOnly() {
        String site = newSite();
        site(site);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/patrons/overdue?site=" + site).then().statusCode(200));
        for (String report : new String[] {"overdue", "with-fees", "items-out"}) {
            String path = "/api/v1/reports/patrons/" + report + "?site=" + site;
            given().when().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.integration()).when().get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.teacher(site)).when().get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.siteStaff("ELSEWHERE")).when().get(path).then().statusCode(403);
            given().auth().oauth2(TestTokens.siteStaff(site)).when().get(path).then().statusCode(200);
        }
    }
}
