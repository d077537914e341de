package org.lrms.reporting.collection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleDeleted;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.testkit.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.lrms.reporting.Fixtures.copy;
import static org.lrms.reporting.Fixtures.patron;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendAt;
import static org.lrms.reporting.TestEvents.site;

@QuarkusTest
class CollectionReportTest {

    private static final String SCHOOL_YEAR = "&from=2026-07-01&to=2027-06-30";

    @Test
    void titlesGrowByOneWithinFiveSecondsOfTitleCreatedAndShrinkOnTitleDeleted() {
        // the first event may wait for the consumer group to form on a fresh broker; freshness is measured after it
        UUID warmUp = UUID.randomUUID();
        int start = titles();
        send(Topics.CATALOG_TITLES, null, warmUp, new TitleCreated(title(warmUp, "Warm-up", "BOOK", "FIC", 1999)));
        await().atMost(Duration.ofSeconds(30)).until(() -> titles() > start);

        int before = titles();
        UUID id = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, id, new TitleCreated(title(id, "Holes", "BOOK", "FIC", 2000)));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> titles() == before + 1);

        send(Topics.CATALOG_TITLES, null, id, new TitleUpdated(title(id, "Holes (new edition)", "BOOK", "FIC", 2001)));
        send(Topics.CATALOG_TITLES, null, id, new TitleDeleted(id));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> titles() == before);
    }

    @Test
    void copiesByMaterialTypeAndDeweyClassWithAgeValueAdditionsAndWithdrawals() {
        String site = newSite();
        String other = newSite();
        site(site);
        site(other);
        UUID whales = UUID.randomUUID();
        UUID holes = UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, site, c1, new CopyAdded(copy(c1, whales, site, "BOOK", "599.5", 2000, "20.00",
                LocalDate.of(2026, 9, 10))));
        send(Topics.CATALOG_COPIES, site, c2, new CopyAdded(copy(c2, holes, site, "BOOK", "FIC SAC", 2010, "10.00",
                LocalDate.of(2020, 1, 15))));
        send(Topics.CATALOG_COPIES, site, c3, new CopyAdded(copy(c3, whales, site, "DVD", "599.53", 2020, "30.00",
                LocalDate.of(2026, 10, 1))));
        sendAt(Topics.CATALOG_COPIES, site, c2, new CopyWithdrawn(copy(c2, holes, site, "BOOK", "FIC SAC", 2010,
                "10.00", LocalDate.of(2020, 1, 15)), "WORN", "RECYCLED", null), Instant.parse("2026-11-02T18:00:00Z"));
        UUID c4 = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, other, c4, new CopyAdded(copy(c4, holes, other, "BOOK", "FIC SAC", 2012, "12.50",
                LocalDate.of(2026, 8, 20))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> collection(site + SCHOOL_YEAR)
                .body("withdrawals", equalTo(1)));
        collection(site + SCHOOL_YEAR)
                .body("scope", equalTo(site))
                .body("copies", equalTo(2))
                .body("titlesHeld", equalTo(1))
                .body("averagePublicationYear", equalTo(2010.0f))
                .body("replacementValue", equalTo(50.0f))
                .body("additions", equalTo(2))
                .body("byMaterialType.find { it.materialType == 'BOOK' }.copies", equalTo(1))
                .body("byMaterialType.find { it.materialType == 'BOOK' }.withdrawals", equalTo(1))
                .body("byMaterialType.find { it.materialType == 'DVD' }.copies", equalTo(1))
                .body("byDeweyClass.find { it.deweyClass == '500' }.copies", equalTo(2))
                .body("byDeweyClass.find { it.deweyClass == '500' }.label", equalTo("Science"))
                .body("byDeweyClass.find { it.deweyClass == '500' }.averagePublicationYear", equalTo(2010.0f))
                .body("byDeweyClass.find { it.deweyClass == 'FIC' }.copies", equalTo(0))
                .body("byDeweyClass.find { it.deweyClass == 'FIC' }.withdrawals", equalTo(1))
                .body("freshness.topics.topic", hasItem(Topics.CATALOG_COPIES))
                .body("freshness.topics.find { it.topic == 'catalog.copies.v1' }.lastEventAt", notNullValue());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> collection(other).body("copies", equalTo(1)));
        collection(site + "," + other + SCHOOL_YEAR)
                .body("copies", equalTo(3))
                .body("titlesHeld", equalTo(2))
                .body("sites", equalTo(java.util.List.of(site, other)))
                .body("additions", equalTo(3));
    }

    @Test
    void copiesPerStudentUsesActiveStudentsOfTheSite() {
        String site = newSite();
        site(site);
        for (int i = 0; i < 4; i++) {
            String key = "pk-" + UUID.randomUUID();
            send(Topics.CIRCULATION_PATRONS, site, key, new PatronCreated(patron(key, "STUDENT", site, "9", "H1",
                    "ACTIVE")));
        }
        String leaver = "pk-" + UUID.randomUUID();
        send(Topics.CIRCULATION_PATRONS, site, leaver, new PatronCreated(patron(leaver, "STUDENT", site, "9", "H1",
                "ACTIVE")));
        send(Topics.CIRCULATION_PATRONS, site, leaver, new PatronDeactivated(patron(leaver, "STUDENT", site, "9",
                "H1", "GRADUATED"), "graduated"));
        String teacher = "pk-" + UUID.randomUUID();
        send(Topics.CIRCULATION_PATRONS, site, teacher, new PatronCreated(patron(teacher, "TEACHER", site, null,
                null, "ACTIVE")));
        for (int i = 0; i < 2; i++) {
            UUID c = UUID.randomUUID();
            send(Topics.CATALOG_COPIES, site, c, new CopyAdded(copy(c, UUID.randomUUID(), site, "BOOK", "500", 2000,
                    "5.00", LocalDate.of(2026, 9, 1))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> collection(site)
                .body("copies", equalTo(2))
                .body("enrolment", equalTo(4))
                .body("copiesPerStudent", equalTo(0.5f)));
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        String site = newSite();
        String marker = newSite();
        UUID c = UUID.randomUUID();
        var added = send(Topics.CATALOG_COPIES, site, c, new CopyAdded(copy(c, UUID.randomUUID(), site, "BOOK",
                "500", 2000, "5.00", LocalDate.of(2026, 9, 1))));
        send(Topics.CATALOG_COPIES, added); // redelivered, as Kafka may after a consumer restart
        UUID m = UUID.randomUUID();
        send(Topics.CATALOG_COPIES, marker, m, new CopyAdded(copy(m, UUID.randomUUID(), marker, "BOOK", "500", 2000,
                "5.00", LocalDate.of(2026, 9, 1))));

        // one partition in tests: once the marker is applied, the redelivery before it was too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> collection(marker).body("copies", equalTo(1)));
        collection(site).body("copies", equalTo(1));
    }

    static int titles() {
        return given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/collection")
                .then().statusCode(200).extract().path("titles");
    }

    static ValidatableResponse collection(String siteAndQuery) {
        return given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/collection?site=" + siteAndQuery)
                .then().statusCode(200);
    }
}
