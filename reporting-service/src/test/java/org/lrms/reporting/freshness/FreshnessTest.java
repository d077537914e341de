package org.lrms.reporting.freshness;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.sendAt;

@QuarkusTest
class FreshnessTest {

    @Test
    void freshnessTellsTheLastEventAndTheLagOfEveryTopic() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // later than any other test's event
        sendAt(Topics.CATALOG_TITLES, null, id, new TitleCreated(title(id, "Wonder", "BOOK", "FIC", 2012)), at);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.siteStaff("LHS"))
                .when().get("/api/v1/reports/freshness")
                .then().statusCode(200)
                .body("topics.topic", hasItems(Topics.CATALOG_TITLES, Topics.CATALOG_COPIES,
                        Topics.CIRCULATION_LOANS, Topics.CIRCULATION_FEES, Topics.CIRCULATION_SITES))
                .body("topics.find { it.topic == 'catalog.titles.v1' }.lastEventAt", equalTo(at.toString()))
                .body("topics.find { it.topic == 'catalog.titles.v1' }.lag", equalTo(0)));
    }

    @Test
    void lagOfEachConsumerIsAMetric() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("lrms_reporting_consumer_lag{group=\"reporting-service.catalog.titles.v1\""))
                .body(containsString("topic=\"circulation.loans.v1\""));
    }

    @Test
    void freshnessIsForStaffOnly() {
        given().auth().oauth2(TestTokens.student("LHS")).when().get("/api/v1/reports/freshness")
                .then().statusCode(403);
    }
}
