package org.lrms.reporting.acquisitions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.lrms.reporting.report.Scalars.count;

/** Items received and spending from the receipt lines. */
@ApplicationScoped
public class AcquisitionsReports {

    static final List<String> TOPICS = List.of(Topics.ACQUISITIONS_RECEIPTS);

    @Inject
    EntityManager em;

    @Inject
    FreshnessService freshness;

    /** Lines, items and spending per currency of one key, added up as the rows come. */
    static final class Tally {
        long lines;
        long items;
        final Map<String, Tally> byCurrency = new TreeMap<>();
        BigDecimal amount = BigDecimal.ZERO;

        void add(long lines, long items, String currency, BigDecimal amount) {
            this.lines += lines;
            this.items += items;
            Tally in = byCurrency.computeIfAbsent(currency, k -> new Tally());
            in.lines += lines;
            in.items += items;
            in.amount = in.amount.add(amount);
        }

        List<AcquisitionsReport.Spending> amounts() {
            List<AcquisitionsReport.Spending> out = new ArrayList<>();
            byCurrency.forEach((currency, t) -> out.add(new AcquisitionsReport.Spending(currency, t.lines, t.items,
                    exact(t.amount))));
            return out;
        }

        AcquisitionsReport.Row row(String key) {
            return new AcquisitionsReport.Row(key, lines, items, amounts());
        }
    }

    @Transactional
    public AcquisitionsReport report(ReportScope scope, ReportPeriod period) {
        Tally total = new Tally();
        List<Map<String, Tally>> breakdowns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            breakdowns.add(new TreeMap<>());
        }
        // few rows: one per fund, vendor, material type, line kind, site, month and currency that occurs
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                        SELECT fund_code, vendor, material_type, line_kind, site_code,
                               to_char(received_on, 'YYYY-MM'), currency, count(*), sum(quantity), sum(amount)
                        FROM receipt_line
                        WHERE (:district OR site_code IN (:sites)) AND received_on BETWEEN :from AND :to
                        GROUP BY 1, 2, 3, 4, 5, 6, 7
                        """), period)
                .getResultList();
        for (Object[] r : rows) {
            long lines = count(r[7]);
            long items = count(r[8]);
            String currency = (String) r[6];
            BigDecimal amount = (BigDecimal) r[9];
            total.add(lines, items, currency, amount);
            for (int i = 0; i < 6; i++) {
                breakdowns.get(i).computeIfAbsent((String) r[i], k -> new Tally()).add(lines, items, currency, amount);
            }
        }
        List<List<AcquisitionsReport.Row>> out = new ArrayList<>();
        for (Map<String, Tally> breakdown : breakdowns) {
            List<AcquisitionsReport.Row> list = new ArrayList<>();
            breakdown.forEach((key, tally) -> list.add(tally.row(key)));
            out.add(list);
        }
        return new AcquisitionsReport(scope.label(), scope.sites(), period.from(), period.to(), total.lines,
                total.items, total.amounts(), out.get(0), out.get(1), out.get(2), out.get(3), out.get(4), out.get(5),
                freshness.of(TOPICS));
    }

    /**
     * Library materials spending of one site in a period: its LIBRARY lines (textbook lines are not library
     * materials), one amount per currency.
     */
    @Transactional
    public List<AcquisitionsReport.Amount> librarySpending(String site, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT currency, sum(amount) FROM receipt_line
                        WHERE site_code = :site AND line_kind = 'LIBRARY' AND received_on BETWEEN :from AND :to
                        GROUP BY 1 ORDER BY 1
                        """)
                .setParameter("site", site).setParameter("from", from).setParameter("to", to)
                .getResultList();
        List<AcquisitionsReport.Amount> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new AcquisitionsReport.Amount((String) r[0], exact((BigDecimal) r[1])));
        }
        return out;
    }

    /** The amount as summed (never rounded), with at least cents. */
    static BigDecimal exact(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2) : plain;
    }
}
