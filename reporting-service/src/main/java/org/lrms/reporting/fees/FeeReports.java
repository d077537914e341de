package org.lrms.reporting.fees;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lrms.reporting.report.Scalars.count;
import static org.lrms.reporting.report.Scalars.money;

/** Fines and fees from the daily money movements and the fees' balances. */
@ApplicationScoped
public class FeeReports {

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    /** Movements of one key (a fee kind or a site), added up as the rows come. */
    private static final class Tally {
        BigDecimal assessed = BigDecimal.ZERO;
        long assessedFees;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal waived = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        long openFees;

        FeeReport.Amounts amounts() {
            return new FeeReport.Amounts(money(assessed), assessedFees, money(paid), money(waived),
                    money(refunded), money(outstanding), openFees);
        }
    }

    /** The methods circulation takes, in the order the report lists them; then any other by name, then unknown. */
    static final List<String> METHODS = List.of("CASH", "CHECK", "CARD", "ONLINE");
    static final Comparator<String> METHOD_ORDER = Comparator.nullsLast(
            Comparator.<String>comparingInt(m -> METHODS.contains(m) ? METHODS.indexOf(m) : METHODS.size())
                    .thenComparing(Comparator.naturalOrder()));

    /** Payments of one method. */
    private static final class MethodTally {
        long payments;
        BigDecimal paid = BigDecimal.ZERO;
    }

    /** Payments and refunds at one desk (or for one fee's site at it), added up as the rows come. */
    private static final class DeskTally {
        long payments;
        BigDecimal paid = BigDecimal.ZERO;
        long refunds;
        BigDecimal refunded = BigDecimal.ZERO;
        /** Per method (null: unknown). */
        final Map<String, MethodTally> byMethod = new TreeMap<>(METHOD_ORDER);

        void add(String action, String method, long events, BigDecimal amount) {
            if ("PAID".equals(action)) {
                payments += events;
                paid = paid.add(amount);
                MethodTally m = byMethod.computeIfAbsent(method, k -> new MethodTally());
                m.payments += events;
                m.paid = m.paid.add(amount);
            } else {
                refunds += events;
                refunded = refunded.add(amount);
            }
        }

        FeeReport.DeskAmounts amounts() {
            List<FeeReport.PaymentMethod> methods = new ArrayList<>();
            byMethod.forEach((method, m) -> methods.add(
                    new FeeReport.PaymentMethod(method, m.payments, money(m.paid))));
            return new FeeReport.DeskAmounts(payments, money(paid), refunds, money(refunded),
                    money(paid.subtract(refunded)), methods);
        }
    }

    @Transactional
    public FeeReport report(ReportScope scope, ReportPeriod period) {
        Tally total = new Tally();
        Map<String, Tally> byKind = new TreeMap<>();
        Map<String, Tally> bySite = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> moves = scope.bind(em.createNativeQuery("""
                        SELECT kind, site_code, action, sum(events), sum(amount) FROM fee_day
                        WHERE (:district OR site_code IN (:sites)) AND day BETWEEN :from AND :to
                        GROUP BY 1, 2, 3
                        """), period)
                .getResultList();
        for (Object[] r : moves) {
            for (Tally t : List.of(total, byKind.computeIfAbsent((String) r[0], k -> new Tally()),
                    bySite.computeIfAbsent((String) r[1], k -> new Tally()))) {
                BigDecimal amount = money(r[4]);
                switch ((String) r[2]) {
                    case "ASSESSED" -> {
                        t.assessed = t.assessed.add(amount);
                        t.assessedFees += count(r[3]);
                    }
                    case "PAID" -> t.paid = t.paid.add(amount);
                    case "WAIVED" -> t.waived = t.waived.add(amount);
                    case "REFUNDED" -> t.refunded = t.refunded.add(amount);
                    default -> { }
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> open = em.createNativeQuery("""
                        SELECT kind, site_code, count(*), sum(balance) FROM fee
                        WHERE (:district OR site_code IN (:sites)) AND status = 'OPEN' AND balance > 0
                        GROUP BY 1, 2
                        """)
                .setParameter("district", scope.district()).setParameter("sites", scope.sqlSites())
                .getResultList();
        for (Object[] r : open) {
            for (Tally t : List.of(total, byKind.computeIfAbsent((String) r[0], k -> new Tally()),
                    bySite.computeIfAbsent((String) r[1], k -> new Tally()))) {
                t.outstanding = t.outstanding.add(money(r[3]));
                t.openFees += count(r[2]);
            }
        }
        // the scope's desks (site= names desks here), whatever the fee's site
        @SuppressWarnings("unchecked")
        List<Object[]> atDesks = scope.bind(em.createNativeQuery("""
                        SELECT desk_site, fee_site, action, method, sum(events), sum(amount) FROM fee_desk_day
                        WHERE (:district OR desk_site IN (:sites)) AND day BETWEEN :from AND :to
                        GROUP BY 1, 2, 3, 4
                        """), period)
                .getResultList();
        DeskTally desks = new DeskTally();
        Map<String, DeskTally> byDesk = new TreeMap<>();
        Map<String, Map<String, DeskTally>> byDeskAndFeeSite = new TreeMap<>();
        for (Object[] r : atDesks) {
            String desk = (String) r[0];
            for (DeskTally t : List.of(desks, byDesk.computeIfAbsent(desk, k -> new DeskTally()),
                    byDeskAndFeeSite.computeIfAbsent(desk, k -> new TreeMap<>())
                            .computeIfAbsent((String) r[1], k -> new DeskTally()))) {
                t.add((String) r[2], (String) r[3], count(r[4]), money(r[5]));
            }
        }
        List<FeeReport.Desk> deskRows = new ArrayList<>();
        byDesk.forEach((desk, t) -> {
            List<FeeReport.FeeSite> feeSites = new ArrayList<>();
            byDeskAndFeeSite.get(desk).forEach((site, f) -> feeSites.add(new FeeReport.FeeSite(site, f.amounts())));
            deskRows.add(new FeeReport.Desk(desk, t.amounts(), feeSites));
        });
        List<FeeReport.Breakdown> kinds = new ArrayList<>();
        byKind.forEach((k, t) -> kinds.add(new FeeReport.Breakdown(k, t.amounts())));
        List<FeeReport.Breakdown> sites = new ArrayList<>();
        bySite.forEach((k, t) -> sites.add(new FeeReport.Breakdown(k, t.amounts())));
        return new FeeReport(scope.label(), scope.sites(), period.from(), period.to(), total.amounts(), kinds, sites,
                desks.amounts(), deskRows, freshness.of(List.of(Topics.CIRCULATION_FEES)));
    }
}
