package org.lrms.events.circulation;

import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoanClosedTest {

    private static final LoanSnapshot LOAN = new LoanSnapshot(UUID.randomUUID(), UUID.randomUUID(), "C0001",
            UUID.randomUUID(), "LHS", "pk-1", "STUDENT", "7", "BOOK", "BOOK", "598.9",
            Instant.parse("2026-09-01T16:00:00Z"), Instant.parse("2026-09-15T06:59:59Z"), 0);

    @Test
    void aCloseThatForgetsThePatronRoundTripsWithItsFlagAndTheKeyBeingDropped() {
        LoanClosed closed = new LoanClosed(LOAN, Instant.parse("2026-09-10T17:00:00Z"), "LHS", "AVAILABLE", true);
        String json = EventJson.write(EventJson.envelope("circulation-service", "LHS", LOAN.loanId().toString(),
                closed));
        assertTrue(json.contains("\"patronForgotten\":true"), json);
        LoanClosed read = EventJson.payload(EventJson.read(json), LoanClosed.class);
        assertEquals(closed, read);
        assertEquals("pk-1", read.loan().patronKey());
    }

    @Test
    void theShortConstructorKeepsThePatronLink() {
        assertFalse(new LoanClosed(LOAN, Instant.now(), "LHS", "AVAILABLE").patronForgotten());
    }

    @Test
    void aCloseWrittenBeforeTheFlagExistedReadsAsKeepingThePatron() {
        String json = """
                {"eventId":"%s","type":"LoanClosed","version":1,"occurredAt":"2026-09-10T17:00:00Z",
                 "source":"circulation-service","siteCode":"LHS","aggregateId":"%s",
                 "payload":{"loan":{"loanId":"%s","siteCode":"LHS","patronKey":"pk-1","patronType":"STUDENT"},
                            "returnedAt":"2026-09-10T17:00:00Z","checkedInAt":"RMS","nextCopyStatus":"IN_TRANSIT"}}
                """.formatted(UUID.randomUUID(), LOAN.loanId(), LOAN.loanId());
        EventEnvelope envelope = EventJson.read(json);
        LoanClosed read = EventJson.payload(envelope, LoanClosed.class);
        assertFalse(read.patronForgotten());
        assertEquals(LOAN.loanId(), read.loan().loanId());
        assertEquals("pk-1", read.loan().patronKey());
        assertEquals(Instant.parse("2026-09-10T17:00:00Z"), read.returnedAt());
        assertEquals("RMS", read.checkedInAt());
        assertEquals("IN_TRANSIT", read.nextCopyStatus());
    }
}
