package org.lrms.reporting.textbook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.textbook.TextbookDistribution;
import org.lrms.testkit.TestTokens;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lrms.events.textbook.TextbookAdoptionUpserted.ACTIVE;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;
import static org.lrms.reporting.textbook.TextbookFixtures.adoption;
import static org.lrms.reporting.textbook.TextbookFixtures.distributed;
import static org.lrms.reporting.textbook.TextbookFixtures.distribution;
import static org.lrms.reporting.textbook.TextbookFixtures.lost;
import static org.lrms.reporting.textbook.TextbookFixtures.returned;
import static org.lrms.reporting.textbook.TextbookFixtures.rosterClass;
import static org.lrms.reporting.textbook.TextbookFixtures.stock;
import static org.lrms.reporting.textbook.TextbookFixtures.student;

/** The textbooks report is rebuilt from the roster and textbook topics alone, with the same numbers. */
@QuarkusTest
class TextbookRebuildTest {

    @Inject
    AgroalDataSource db;

    @Test
    void emptiedTextbookProjectionsAreRebuiltFromTheTopicsWithTheSameNumbers() throws Exception {
        String site = newSite();
        site(site);
        String course = "ENG" + site;
        String section = "cls-" + UUID.randomUUID();
        rosterClass(section, site, course, "active");
        for (int i = 0; i < 3; i++) {
            student(section, site, UUID.randomUUID());
        }
        UUID novel = UUID.randomUUID();
        adoption(UUID.randomUUID(), course, null, novel, "The Pearl", 1, ACTIVE);
        stock(site, novel, "The Pearl", 4, 1, 2, 1, 0, "2026-09-10T15:00:00Z");
        TextbookDistribution out = distribution(site, novel, "The Pearl", course, "2026-08-25T16:00:00Z");
        distributed(out);
        TextbookDistribution back = distribution(site, novel, "The Pearl", course, "2026-08-25T16:00:00Z");
        distributed(back);
        returned(back, "2026-10-01T16:00:00Z");
        TextbookDistribution gone = distribution(site, novel, "The Pearl", course, "2026-08-25T16:00:00Z");
        distributed(gone);
        lost(gone, "2027-01-20T16:00:00Z");
        sendRaw(Topics.TEXTBOOK_STOCK, "broken-" + UUID.randomUUID(), "{not json");

        String query = "/api/v1/reports/textbooks?site=" + site + "&from=2026-07-01&to=2027-06-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> report(query)
                .body("sufficiency[0].enrolledStudents", equalTo(3))
                .body("sufficiency[0].copiesHeld", equalTo(4))
                .body("totals.distributed", equalTo(3))
                .body("totals.returned", equalTo(1))
                .body("totals.lostTotal", equalTo(1)));
        Map<String, Object> before = numbers(query);
        assertEquals(1, ((Number) ((Map<?, ?>) before.get("totals")).get("outstanding")).intValue());

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("TRUNCATE roster_class, roster_enrollment, roster_course, textbook_adoption,"
                    + " textbook_stock, textbook_distribution, textbook_distribution_day, textbook_distribution_now");
        }
        report(query).body("sufficiency.size()", equalTo(0)).body("totals.distributed", equalTo(0));

        given().auth().oauth2(TestTokens.districtAdmin()).when().post("/api/v1/reports/rebuild")
                .then().statusCode(200)
                .body("topics.find { it.topic == 'textbook.distributions.v1' }.applied", greaterThanOrEqualTo(5))
                .body("topics.find { it.topic == 'circulation.roster.v1' }.applied", greaterThanOrEqualTo(4))
                .body("topics.find { it.topic == 'textbook.stock.v1' }.unreadable", greaterThanOrEqualTo(1));

        assertEquals(before, numbers(query));
    }

    private static Map<String, Object> numbers(String query) {
        Map<String, Object> body = report(query).extract().jsonPath().getMap("$");
        body.remove("freshness");
        return body;
    }

    private static io.restassured.response.ValidatableResponse report(String path) {
        return given().auth().oauth2(TestTokens.districtAdmin()).when().get(path).then().statusCode(200);
    }
}
