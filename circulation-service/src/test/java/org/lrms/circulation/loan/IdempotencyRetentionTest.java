package org.lrms.circulation.loan;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lrms.circulation.Fixtures;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.testkit.TestTokens;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencyRetention retention;

    private static long answers(String key) {
        return Fixtures.count("SELECT count(*) FROM idempotent_request WHERE request_key LIKE ?", "%|" + key);
    }

    private static void age(String key) {
        Fixtures.update("UPDATE idempotent_request SET created_at = now() - interval '25 hours' "
                + "WHERE request_key LIKE ?", "%|" + key);
    }

    @Test
    void aRetryWithinTheRetentionReplaysAndAfterItIsANewRequestWhoseOldAnswerTheJobDeletes() {
        String site = Fixtures.newSite();
        String patron = Fixtures.unique("P");
        Fixtures.newPatron(site, patron, "STUDENT", "9");
        CopySnapshot copy = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        CopySnapshot other = Fixtures.addCopy(site, Fixtures.unique("C"), UUID.randomUUID(), "BOOK", "20.00");
        String token = TestTokens.siteStaff(site);
        String key = Fixtures.unique("k-");
        String loanId = CheckoutTest.checkOut(token, site, patron, copy.barcode(), key)
                .then().statusCode(201).extract().path("id");
        CheckoutTest.checkOut(token, site, patron, copy.barcode(), key)
                .then().statusCode(201).body("id", equalTo(loanId));

        // a day and an hour later, before the job ran: no longer a retry, so evaluated again (the copy is on loan)
        age(key);
        CheckoutTest.checkOut(token, site, patron, copy.barcode(), key)
                .then().statusCode(409).body("code", equalTo("item-on-loan"));

        // the job deletes the old answer and keeps a fresh one, which still replays
        String fresh = Fixtures.unique("k-");
        String freshLoan = CheckoutTest.checkOut(token, site, patron, other.barcode(), fresh)
                .then().statusCode(201).extract().path("id");
        assertTrue(retention.purge(Instant.now()) >= 1);
        assertEquals(0, answers(key));
        assertEquals(1, answers(fresh));
        CheckoutTest.checkOut(token, site, patron, other.barcode(), fresh)
                .then().statusCode(201).body("id", equalTo(freshLoan));
    }

    @Test
    void theJobDeletesInChunksEveryAnswerOlderThanTheRetention() {
        String prefix = Fixtures.unique("chunk-");
        Fixtures.update("INSERT INTO idempotent_request (request_key, status, body, created_at) "
                + "SELECT 'checkout|test|' || ? || n, 201, '{}', now() - interval '2 days' "
                + "FROM generate_series(1, ?) n", prefix, 2 * IdempotencyRetention.CHUNK + 5);
        Fixtures.update("INSERT INTO idempotent_request (request_key, status, body, created_at) "
                + "VALUES ('checkout|test|' || ? || 'fresh', 201, '{}', now() - interval '23 hours')", prefix);
        assertTrue(retention.purge(Instant.now()) >= 2 * IdempotencyRetention.CHUNK + 5);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM idempotent_request WHERE request_key LIKE ?",
                "checkout|test|" + prefix + "%"));
    }
}
