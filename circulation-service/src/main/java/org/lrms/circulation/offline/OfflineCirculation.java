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
 * check-out and check-in as the desk; what cannot be applied is reported, the rest is kept.
 */
@ApplicationScoped
public class OfflineCirculation {

    /** Older transactions are refused: a month-old paper log needs a librarian's eye, not an upload. */
    private static final Duration MAX_AGE = Duration.ofDays(30);

    @Inject
    CheckoutService checkouts;

    @Inject
    SiteScope scope;

    public OfflineBatch.Report apply(OfflineBatch batch) {
        String site = batch.siteCode().strip().toUpperCase(Locale.ROOT);
        scope.requireManage(site);
        Instant now = Instant.now();
        List<OfflineBatch.Transaction> ordered = batch.transactions().stream()
                .sorted(Comparator.comparing(OfflineBatch.Transaction::at)).toList();
        List<OfflineBatch.Outcome> outcomes = new ArrayList<>();
        for (OfflineBatch.Transaction t : ordered) {
            String type = t.type().toUpperCase(Locale.ROOT);
            if (t.at().isAfter(now.plusSeconds(60)) || t.at().isBefore(now.minus(MAX_AGE))) {
                outcomes.add(new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), false, "bad-time",
                        "the transaction's time is in the future or older than 30 days"));
                continue;
            }
            try {
                if ("CHECKOUT".equals(type)) {
                    if (t.patronBarcode() == null || t.patronBarcode().isBlank()) {
                        throw ProblemException.badRequest("patronBarcode", "a check-out needs the patron's barcode");
                    }
                    checkouts.checkOut(new CheckoutRequest(site, t.patronBarcode(), t.itemBarcode(), null),
                            "offline:" + site + ":" + t.id(), t.at());
                } else {
                    checkouts.checkIn(new CheckinRequest(site, t.itemBarcode()), t.at());
                }
                outcomes.add(new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), true, null, null));
            } catch (ProblemException refused) {
                var problem = refused.toProblem(null);
                outcomes.add(new OfflineBatch.Outcome(t.id(), type, t.itemBarcode(), false, problem.code(),
                        problem.detail()));
            }
        }
        int applied = (int) outcomes.stream().filter(OfflineBatch.Outcome::applied).count();
        return new OfflineBatch.Report(site, applied, outcomes.size() - applied, outcomes);
    }
}
