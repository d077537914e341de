package org.lrms.circulation.offline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The offline transactions already uploaded ({@code offline_transaction}), each with what became of it. A transaction
 * is claimed in the transaction that applies it, so two uploads of one batch at the same time take turns on it and
 * the second finds the first's outcome; a refused one is kept after its own transaction rolled back. A record names
 * a patron and an item, so it is kept only as long as an upload of its transaction could come: past
 * {@link OfflineCirculation#MAX_AGE} (and a day) an upload is refused by its time anyway, and the daily run deletes it.
 */
@ApplicationScoped
class OfflineTransactions {

    private static final String CLAIM = "INSERT INTO offline_transaction (transaction_key, site_code, transaction_id, "
            + "type, at, item_barcode, patron_barcode, applied, code, detail, uploaded_by, uploaded_at) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING";

    @Inject
    EntityManager em;

    /**
     * Applies {@code apply} to the transaction once: in the same transaction as the claim of its key, and only when no
     * earlier upload had it. Answers the earlier outcome ({@code alreadyApplied}) or this one's; a refusal thrown by
     * {@code apply} rolls back everything, the claim included, and is the caller's to {@link #keepRefused}.
     */
    @Transactional
    OfflineBatch.Outcome applyOnce(String key, String site, OfflineBatch.Transaction t, String type, String user,
                                   Runnable apply) {
        if (!claim(key, site, t, type, user, true, null, null)) {
            return earlier(key, t, type);
        }
        apply.run();
        return new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), true, null, null, false);
    }

    /** Keeps a refused transaction's outcome; when another upload kept one first, answers that one instead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    OfflineBatch.Outcome keepRefused(String key, String site, OfflineBatch.Transaction t, String type, String user,
                                     String code, String detail) {
        if (!claim(key, site, t, type, user, false, code, detail)) {
            return earlier(key, t, type);
        }
        return new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), false, code, detail, false);
    }

    @Scheduled(cron = "{circulation.offline.purge-cron}", identity = "offline-transaction-retention")
    void daily() {
        purge(Instant.now());
    }

    /** Deletes the records of transactions too old to be uploaded any more as of {@code now}; answers how many. */
    int purge(Instant now) {
        Instant cutOff = now.minus(OfflineCirculation.MAX_AGE).minus(Duration.ofDays(1));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "DELETE FROM offline_transaction WHERE at < ?1").setParameter(1, cutOff).executeUpdate());
    }

    private boolean claim(String key, String site, OfflineBatch.Transaction t, String type, String user,
                          boolean applied, String code, String detail) {
        return em.createNativeQuery(CLAIM).setParameter(1, key).setParameter(2, site).setParameter(3, t.id())
                .setParameter(4, type).setParameter(5, t.at()).setParameter(6, t.itemBarcode())
                .setParameter(7, t.patronBarcode()).setParameter(8, applied).setParameter(9, code)
                .setParameter(10, detail).setParameter(11, user).setParameter(12, Instant.now())
                .executeUpdate() == 1;
    }

    private OfflineBatch.Outcome earlier(String key, OfflineBatch.Transaction t, String type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT applied, code, detail FROM offline_transaction WHERE transaction_key = ?1")
                .setParameter(1, key).getResultList();
        Object[] row = rows.get(0);
        return new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), (Boolean) row[0], (String) row[1],
                (String) row[2], true);
    }
}
