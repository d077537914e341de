package org.lrms.catalog.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.lrms.catalog.district.DistrictLists;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The weeding log of the caller's sites: its entries a page at a time, newest first, and its totals (copies and their
 * price, per withdrawal reason, per disposal method, per site and overall) for the same filter.
 */
@ApplicationScoped
public class WeedingLog {

    /** Which entries: one site or all of the caller's, a time window, a reason, a disposal method. */
    public record Filter(String siteCode, Instant from, Instant to, String reason, String disposalMethod) {

        public Filter {
            siteCode = code(siteCode);
            reason = code(reason);
            disposalMethod = code(disposalMethod);
            if (from != null && to != null && !from.isBefore(to)) {
                throw ProblemException.badRequest("to", "must come after from");
            }
        }

        private static String code(String value) {
            return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
        }
    }

    @Inject
    DistrictLists lists;

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    /** A page of entries, newest first. */
    public List<WeedingLogEntry> entries(Filter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        Optional<String> where = where(filter, params);
        if (where.isEmpty()) {
            return List.of();
        }
        Query query = em.createNativeQuery("SELECT * FROM weeding_log w WHERE " + where.get()
                + " ORDER BY w.withdrawn_at DESC, w.id", WeedingLogEntry.class)
                .setFirstResult(page * size).setMaxResults(size);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** What the filter's entries add up to: one scan of the log, grouped four ways. */
    public WeedingTotals totals(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        Optional<String> where = where(filter, params);
        List<WeedingTotals.Group> byReason = new ArrayList<>();
        List<WeedingTotals.Group> byDisposal = new ArrayList<>();
        List<WeedingTotals.Group> bySite = new ArrayList<>();
        WeedingTotals.Group all = new WeedingTotals.Group(null, null, 0, BigDecimal.ZERO, 0);
        if (where.isPresent()) {
            Query query = em.createNativeQuery("SELECT GROUPING(w.reason), GROUPING(w.disposal_method),"
                    + " GROUPING(w.site_code), w.reason, w.disposal_method, w.site_code, count(*),"
                    + " coalesce(sum(w.price), 0), count(*) FILTER (WHERE w.price IS NULL)"
                    + " FROM weeding_log w WHERE " + where.get()
                    + " GROUP BY GROUPING SETS ((w.reason), (w.disposal_method), (w.site_code), ())"
                    + " ORDER BY 4, 5, 6");
            params.forEach(query::setParameter);
            Map<String, String> reasons = labels(DistrictLists.Kind.WITHDRAWAL_REASON);
            Map<String, String> disposals = labels(DistrictLists.Kind.DISPOSAL_METHOD);
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                boolean reasonSet = ((Number) row[0]).intValue() == 0;
                boolean disposalSet = ((Number) row[1]).intValue() == 0;
                boolean siteSet = ((Number) row[2]).intValue() == 0;
                long count = ((Number) row[6]).longValue();
                BigDecimal price = (BigDecimal) row[7];
                long withoutPrice = ((Number) row[8]).longValue();
                if (reasonSet) {
                    byReason.add(new WeedingTotals.Group((String) row[3], reasons.get((String) row[3]), count, price,
                            withoutPrice));
                } else if (disposalSet) {
                    byDisposal.add(new WeedingTotals.Group((String) row[4], disposals.get((String) row[4]), count,
                            price, withoutPrice));
                } else if (siteSet) {
                    bySite.add(new WeedingTotals.Group((String) row[5], null, count, price, withoutPrice));
                } else {
                    all = new WeedingTotals.Group(null, null, count, price, withoutPrice);
                }
            }
        }
        return new WeedingTotals(filter.siteCode(), filter.from(), filter.to(), filter.reason(),
                filter.disposalMethod(), all.copies(), all.totalPrice(), all.copiesWithoutPrice(), byReason,
                byDisposal, bySite);
    }

    /** The filter as SQL over {@code weeding_log w}, kept to the caller's sites; empty when they hold none. */
    private Optional<String> where(Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("w.withdrawn_at >= :from AND w.withdrawn_at < :to");
        params.put("from", filter.from() == null ? Instant.EPOCH : filter.from());
        params.put("to", filter.to() == null ? Instant.now().plusSeconds(1) : filter.to());
        if (filter.siteCode() != null) {
            scope.requireManage(filter.siteCode());
            sql.append(" AND w.site_code = :site");
            params.put("site", filter.siteCode());
        } else {
            Optional<Set<String>> sites = scope.staffSites();
            if (sites.isPresent()) {
                if (sites.get().isEmpty()) {
                    return Optional.empty();
                }
                sql.append(" AND w.site_code IN (:sites)");
                params.put("sites", List.copyOf(sites.get()));
            }
        }
        if (filter.reason() != null) {
            sql.append(" AND w.reason = :reason");
            params.put("reason", filter.reason());
        }
        if (filter.disposalMethod() != null) {
            sql.append(" AND w.disposal_method = :disposal");
            params.put("disposal", filter.disposalMethod());
        }
        return Optional.of(sql.toString());
    }

    private Map<String, String> labels(DistrictLists.Kind kind) {
        Map<String, String> labels = new LinkedHashMap<>();
        lists.list(kind).forEach(term -> labels.put(term.code(), term.label()));
        return labels;
    }
}
