package org.lrms.reporting.circulation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Several events of one loan in a batch fold into the row that applying them one by one would leave. */
class LoanRowsTest {

    private static final UUID LOAN = UUID.randomUUID();
    private static final Instant OUT = Instant.parse("2026-09-01T17:00:00Z");
    private static final Instant BACK = Instant.parse("2026-09-10T17:00:00Z");

    private static LoanRows.Row row(String status, Instant due, Instant returned, String borrower, String site) {
        return new LoanRows.Row(LOAN, null, null, site, "pk", "STUDENT", "7", "BOOK", "500", OUT, due, returned,
                status, borrower);
    }

    @Test
    void aCheckOutThenItsReturnThenALateRepeatLeavesTheLoanReturned() {
        LoanRows.Row first = row("OUT", OUT.plusSeconds(86400), null, null, "LHS");
        first.then(row("RETURNED", OUT.plusSeconds(2 * 86400), BACK, "b:1", "OTHER"));
        first.then(row("OUT", OUT.plusSeconds(3 * 86400), null, "b:2", "OTHER"));
        assertEquals("RETURNED", first.status);
        assertEquals(BACK, first.returnedAt);
        assertEquals("b:1", first.borrower, "the first token stays");
        assertEquals(OUT.plusSeconds(3 * 86400), first.dueAt, "the last due date wins");
        assertEquals("LHS", first.siteCode, "what the insert wrote stays");
    }

    @Test
    void theStatusRuleIsTheUpsertsOne() {
        assertEquals("LOST", LoanRows.status("OUT", "LOST"));
        assertEquals("LOST", LoanRows.status("LOST", "OUT"), "an event repeating the loan as out never reopens it");
        assertEquals("RETURNED", LoanRows.status("LOST", "RETURNED"));
        assertEquals("RETURNED", LoanRows.status("RETURNED", "LOST"), "a returned loan stays returned");
        LoanRows.Row lostThenOut = row("OUT", null, null, null, "LHS");
        lostThenOut.then(row("LOST", null, null, null, "LHS"));
        lostThenOut.then(row("OUT", null, null, null, "LHS"));
        assertEquals("LOST", lostThenOut.status);
        assertNull(lostThenOut.returnedAt);
    }
}
