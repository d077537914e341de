package org.lrms.circulation.offline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.circulation.loan.CheckinRequest;
import org.lrms.circulation.loan.CheckoutRequest;
import org.lrms.circulation.loan.CheckoutService;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Applies an offline batch in the order the transactions happened, each in its own transaction through the same
 * check-out and check-in as the desk; what cannot be applied is reported, the rest is kept. Every transaction is kept
 * with its outcome ({@link OfflineTransactions}), applied or refused, so an upload of the same batch again applies
 * none of them a second time and answers what became of each the first time.
 */
@ApplicationScoped
public class OfflineCirculation {

    /** Older transactions are refused: a month-old paper log needs a librarian's eye, not an upload. */
    /** How old a transaction may be when it is uploaded; older ones are refused ({@code bad-time}). */
    static final Duration MAX_AGE = Duration.ofDays(30);

    @Inject
    CheckoutService checkouts;

    @Inject
    SiteScope scope;

    @Inject
    OfflineTransactions transactions;

    public OfflineBatch.Report apply(OfflineBatch batch) {
        String site = batch.siteCode().strip().toUpperCase(Locale.ROOT);
        scope.requireManage(site);
        Instant now = Instant.now();
        List<OfflineBatch.Transaction> ordered = batch.transactions().stream()
                .sorted(Comparator.comparing(OfflineBatch.Transaction::at)).toList();
        List<OfflineBatch.Outcome> outcomes = new ArrayList<>();
        String user = scope.userName();
        for (OfflineBatch.Transaction t : ordered) {
            String type = t.type().toUpperCase(Locale.ROOT);
            String key = key(site, t, type);
            if (t.at().isAfter(now.plusSeconds(60)) || t.at().isBefore(now.minus(MAX_AGE))) {
                outcomes.add(transactions.keepRefused(key, site, t, type, user, "bad-time",
                        "the transaction's time is in the future or older than 30 days"));
                continue;
            }
            try {
                outcomes.add(transactions.applyOnce(key, site, t, type, user, () -> {
                    if ("CHECKOUT".equals(type)) {
                        if (t.patronBarcode() == null || t.patronBarcode().isBlank()) {
                            throw ProblemException.badRequest("patronBarcode",
                                    "a check-out needs the patron's barcode");
                        }
                        // keyed here with every other transaction of the batch, not by the uploader's
                        // Idempotency-Key: whoever uploads the batch again, it was lent once
                        checkouts.checkOut(new CheckoutRequest(site, t.patronBarcode(), t.itemBarcode(), null), null,
                                t.at());
                    } else {
                        checkouts.checkIn(new CheckinRequest(site, t.itemBarcode()), t.at());
                    }
                }));
            } catch (ProblemException refused) {
                var problem = refused.toProblem(null);
                outcomes.add(transactions.keepRefused(key, site, t, type, user, problem.code(), problem.detail()));
            }
        }
        int applied = (int) outcomes.stream().filter(OfflineBatch.Outcome::applied).count();
        int already = (int) outcomes.stream().filter(OfflineBatch.Outcome::alreadyApplied).count();
        return new OfflineBatch.Report(site, applied, outcomes.size() - applied, already, outcomes);
    }

    /**
     * A transaction as the desk recorded it: its site, id, type, time, item and patron. Not who uploads it (the batch
     * is the desk's record, whoever sends it); and not the id alone, which a desk may start again in a later batch.
     */
    static String key(String site, OfflineBatch.Transaction t, String type) {
        return String.join("|", site, t.id().strip(), type, t.at().toString(), t.itemBarcode().strip(),
                t.patronBarcode() == null ? "" : t.patronBarcode().strip());
    }
}
