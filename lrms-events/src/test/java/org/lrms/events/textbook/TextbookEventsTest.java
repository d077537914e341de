package org.lrms.events.textbook;

import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TextbookEventsTest {

    private static final TextbookDistribution ALGEBRA = new TextbookDistribution(UUID.randomUUID(), "LHS",
            UUID.randomUUID(), "9780076639236", "Algebra 1", "T0001234", "3f9a0c1d2e4b5a69", "ALG1",
            Instant.parse("2026-08-20T16:00:00Z"), LocalDate.of(2027, 6, 11));

    @Test
    void distributionEventsRoundTripWithTheirTypeNames() {
        EventEnvelope lost = EventJson.envelope("textbook-service", "LHS", ALGEBRA.distributionId().toString(),
                new TextbookDeclaredLost(ALGEBRA, Instant.parse("2027-03-02T20:00:00Z")));
        EventEnvelope read = EventJson.read(EventJson.write(lost));
        assertEquals("TextbookDeclaredLost", read.type());
        TextbookDeclaredLost payload = EventJson.payload(read, TextbookDeclaredLost.class);
        assertEquals(ALGEBRA, payload.distribution());
        assertEquals(Instant.parse("2027-03-02T20:00:00Z"), payload.declaredLostAt());
        assertEquals("TextbookDistributed", EventJson.envelope("t", "LHS", "k",
                new TextbookDistributed(ALGEBRA)).type());
        assertEquals("TextbookReturned", EventJson.envelope("t", "LHS", "k",
                new TextbookReturned(ALGEBRA, Instant.now(), "GOOD")).type());
    }

    @Test
    void adoptionAndStockRoundTrip() {
        TextbookAdoptionUpserted adoption = new TextbookAdoptionUpserted(UUID.randomUUID(), "ALG1", null,
                UUID.randomUUID(), "9780076639236", "Algebra 1", 2, TextbookAdoptionUpserted.ACTIVE,
                LocalDate.of(2026, 8, 1), null);
        EventEnvelope read = EventJson.read(EventJson.write(EventJson.envelope("textbook-service", null,
                adoption.adoptionId().toString(), adoption)));
        assertEquals("TextbookAdoptionUpserted", read.type());
        assertEquals(adoption, EventJson.payload(read, TextbookAdoptionUpserted.class));

        UUID titleId = UUID.randomUUID();
        TextbookStockCounted stock = new TextbookStockCounted("LHS", titleId, null, "Biology", 120, 30, 85, 3, 5,
                Instant.parse("2026-09-01T07:00:00Z"));
        assertEquals("LHS:" + titleId, TextbookStockCounted.key("LHS", titleId));
        assertEquals(stock, EventJson.payload(EventJson.read(EventJson.write(EventJson.envelope("textbook-service",
                "LHS", TextbookStockCounted.key("LHS", titleId), stock))), TextbookStockCounted.class));
    }

    @Test
    void whatReportingReadsNamesNoPatronButByPseudonymousKey() {
        for (Class<?> type : List.of(TextbookDistribution.class, TextbookAdoptionUpserted.class,
                TextbookStockCounted.class, TextbookReturned.class, TextbookDeclaredLost.class)) {
            Arrays.stream(type.getRecordComponents()).map(c -> c.getName().toLowerCase(Locale.ROOT))
                    .forEach(name -> assertFalse(name.contains("name") || name.contains("patronid")
                            || name.contains("sisid") || name.equals("barcode"), type.getSimpleName() + "." + name));
        }
    }
}
