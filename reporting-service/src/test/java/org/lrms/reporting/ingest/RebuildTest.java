package org.lrms.reporting.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.events.Topics;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.events.catalog.InventoryFinished;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.circulation.FeeAssessed;
import org.lrms.events.circulation.FeePaid;
import org.lrms.events.circulation.FeeSnapshot;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.testkit.TestTokens;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.lrms.reporting.Fixtures.copy;
import static org.lrms.reporting.Fixtures.loan;
import static org.lrms.reporting.Fixtures.receipt;
import static org.lrms.reporting.Fixtures.title;
import static org.lrms.reporting.TestEvents.newSite;
import static org.lrms.reporting.TestEvents.send;
import static org.lrms.reporting.TestEvents.sendRaw;
import static org.lrms.reporting.TestEvents.site;

/** The reporting database can be emptied and rebuilt from the topics alone, with the same numbers. */
@QuarkusTest
class RebuildTest {

    private static final String PERIOD = "&from=2026-08-01&to=2027-06-30";

    @Inject
    AgroalDataSource db;

    @Test
    void emptiedProjectionsAreRebuiltFromTheTopicsWithTheSameNumbers() throws Exception {
        String site = newSite();
        site(site);
        UUID t = UUID.randomUUID();
        send(Topics.CATALOG_TITLES, null, t, new TitleCreated(title(t, "Hatchet", "BOOK", "FIC PAU", 1987)));
        for (int i = 0; i < 5; i++) {
            UUID c = UUID.randomUUID();
            send(Topics.CATALOG_COPIES, site, c, new CopyAdded(copy(c, t, site, "BOOK", i % 2 == 0 ? "FIC PAU" : "796",
                    1980 + i, "15.00", LocalDate.of(2026, 9, 1 + i))));
            if (i == 4) {
                send(Topics.CATALOG_COPIES, site, c, new CopyWithdrawn(copy(c, t, site, "BOOK", "796", 1984, "15.00",
                        LocalDate.of(2026, 9, 5)), "DAMAGED", "DISCARDED", null));
            }
        }
        LoanSnapshot l = loan(UUID.randomUUID(), t, site, "pk-r", "STUDENT", "7", "BOOK", "FIC PAU",
                Instant.parse("2026-09-15T17:00:00Z"));
        send(Topics.CIRCULATION_LOANS, site, l.loanId(), new LoanCreated(l, null));
        send(Topics.CIRCULATION_LOANS, site, l.loanId(), new LoanClosed(l, Instant.parse("2026-09-29T17:00:00Z"),
                site, "AVAILABLE"));
        FeeSnapshot fee = new FeeSnapshot(UUID.randomUUID(), "pk-r", "STUDENT", "7", site, "DAMAGED",
                new BigDecimal("12.00"), new BigDecimal("12.00"), "OPEN", l.loanId(), null, "BOOK");
        send(Topics.CIRCULATION_FEES, site, fee.feeId(), new FeeAssessed(fee));
        send(Topics.CIRCULATION_FEES, site, fee.feeId(), new FeePaid(new FeeSnapshot(fee.feeId(), "pk-r", "STUDENT",
                "7", site, "DAMAGED", new BigDecimal("12.00"), new BigDecimal("4.50"), "OPEN", l.loanId(), null,
                "BOOK"), new BigDecimal("7.50"), "CASH"));
        // another site's fee paid at this site's desk: in this site's desk totals after the rebuild too
        String other = newSite();
        FeeSnapshot otherFee = new FeeSnapshot(UUID.randomUUID(), "pk-o", "STUDENT", "7", other, "OVERDUE",
                new BigDecimal("2.00"), new BigDecimal("0.00"), "PAID", null, null, "BOOK");
        send(Topics.CIRCULATION_FEES, other, otherFee.feeId(), new FeePaid(otherFee, new BigDecimal("2.00"), "CASH",
                site));
        // by check, and of no recorded method (unknown): each by its method after the rebuild too
        send(Topics.CIRCULATION_FEES, site, fee.feeId(), new FeePaid(new FeeSnapshot(fee.feeId(), "pk-r", "STUDENT",
                "7", site, "DAMAGED", new BigDecimal("12.00"), new BigDecimal("1.50"), "OPEN", l.loanId(), null,
                "BOOK"), new BigDecimal("3.00"), "CHECK", site));
        send(Topics.CIRCULATION_FEES, site, fee.feeId(), new FeePaid(new FeeSnapshot(fee.feeId(), "pk-r", "STUDENT",
                "7", site, "DAMAGED", new BigDecimal("12.00"), new BigDecimal("1.00"), "OPEN", l.loanId(), null,
                "BOOK"), new BigDecimal("0.50"), null, site));
        sendRaw(Topics.CATALOG_COPIES, "broken-" + UUID.randomUUID(), "{not json");
        ItemsReceived line = receipt(site, "LIBRARY", "LIB", "Follett", "BOOK", 3, "12.99", "USD",
                LocalDate.of(2026, 9, 3));
        send(Topics.ACQUISITIONS_RECEIPTS, site, line.receiptId(), line);
        // published again under another event id: still one line after the rebuild
        send(Topics.ACQUISITIONS_RECEIPTS, site, line.receiptId(), line);
        UUID inventory = UUID.randomUUID();
        send(Topics.CATALOG_INVENTORIES, site, inventory, new InventoryFinished(inventory, site, "whole site " + site,
                Instant.parse("2026-10-01T16:00:00Z"), Instant.parse("2026-10-02T23:00:00Z"), 5, 4, 1, 0, 0));
        UUID counted = UUID.randomUUID();
        send(Topics.CATALOG_INVENTORIES, site, counted, new InventoryFinished(counted, site, "FIC",
                Instant.parse("2026-11-01T16:00:00Z"), Instant.parse("2026-11-02T23:00:00Z"), 7, 6, 1, 0, 0, 2L, 1L,
                0L, 3L));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            get("collection", site).body("copies", equalTo(4)).body("withdrawals", equalTo(1));
            get("circulation", site).body("totals.returns", equalTo(1));
            get("fees", site).body("totals.paid", equalTo(11.0f)).body("deskTotals.paid", equalTo(13.0f));
            get("acquisitions", site).body("items", equalTo(3));
            get("inventories", site).body("totals.missing", equalTo(2)).body("totals.unknownBarcodes", equalTo(3));
        });
        Map<String, Object> collection = numbers("collection", site);
        Map<String, Object> circulation = numbers("circulation", site);
        Map<String, Object> fees = numbers("fees", site);
        Map<String, Object> acquisitions = numbers("acquisitions", site);
        Map<String, Object> inventories = numbers("inventories", site);
        Map<String, Object> district = numbers("collection", null);
        Map<String, Object> districtCirculation = numbers("circulation", null);
        get("fees", site).body("deskTotals.byMethod.method", equalTo(Arrays.asList("CASH", "CHECK", null)))
                .body("deskTotals.byMethod.paid", equalTo(List.of(9.5f, 3.0f, 0.5f)));

        // the desk's money as migration V13 left what was ingested before it: one row per key, method unknown
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TEMP TABLE before_v13 ON COMMIT DROP AS SELECT desk_site, day, fee_site, action,"
                    + " sum(events) AS events, sum(amount) AS amount FROM fee_desk_day WHERE desk_site = '" + site
                    + "' GROUP BY 1, 2, 3, 4");
            s.executeUpdate("DELETE FROM fee_desk_day WHERE desk_site = '" + site + "'");
            s.executeUpdate("INSERT INTO fee_desk_day (desk_site, day, fee_site, action, method, events, amount)"
                    + " SELECT desk_site, day, fee_site, action, NULL, events, amount FROM before_v13");
            c.commit();
            c.setAutoCommit(true);
        }
        get("fees", site).body("deskTotals.paid", equalTo(13.0f))
                .body("deskTotals.byMethod.method", equalTo(Collections.singletonList(null)))
                .body("deskTotals.byMethod[0].payments", equalTo(4))
                .body("deskTotals.byMethod[0].paid", equalTo(13.0f));

        // lose every projection row, as if the database had been dropped
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("TRUNCATE copy, title, circulation_day, circulation_rollup, loan, title_month,"
                    + " borrower_sketch, fee, fee_day, fee_desk_day, patron, receipt_line, inventory,"
                    + " site");
        }
        assertNotEquals(district, numbers("collection", null));
        assertNotEquals(districtCirculation, numbers("circulation", null));

        given().auth().oauth2(TestTokens.districtAdmin()).when().post("/api/v1/reports/rebuild")
                .then().statusCode(200)
                .body("topics.find { it.topic == 'catalog.copies.v1' }.applied", greaterThanOrEqualTo(6))
                .body("topics.find { it.topic == 'catalog.copies.v1' }.unreadable", greaterThanOrEqualTo(1));

        assertEquals(collection, numbers("collection", site));
        assertEquals(circulation, numbers("circulation", site));
        assertEquals(fees, numbers("fees", site));
        // the rebuild gave the payments their methods back
        get("fees", site).body("deskTotals.byMethod.method", equalTo(Arrays.asList("CASH", "CHECK", null)))
                .body("deskTotals.byMethod.payments", equalTo(List.of(2, 1, 1)));
        assertEquals(acquisitions, numbers("acquisitions", site));
        assertEquals(inventories, numbers("inventories", site));
        assertEquals(district, numbers("collection", null));
        // the district's rollups, title rankings and borrower sketches are rebuilt too
        assertEquals(districtCirculation, numbers("circulation", null));
    }

    @Test
    void onlyDistrictStaffMayRebuild() {
        given().when().post("/api/v1/reports/rebuild").then().statusCode(401);
        given().auth().oauth2(TestTokens.siteStaff("LHS")).when().post("/api/v1/reports/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.integration()).when().post("/api/v1/reports/rebuild")
                .then().statusCode(403);
    }

    /** The report without its freshness block (which tells when, not what). */
    static Map<String, Object> numbers(String report, String site) {
        Map<String, Object> body = given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/" + report + "?" + (site == null ? PERIOD.substring(1) : "site=" + site + PERIOD))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        body.remove("freshness");
        return body;
    }

    static io.restassured.response.ValidatableResponse get(String report, String site) {
        return given().auth().oauth2(TestTokens.districtAdmin())
                .when().get("/api/v1/reports/" + report + "?site=" + site + PERIOD).then().statusCode(200);
    }
}
