package org.lrms.reporting.report;

import jakarta.persistence.Query;
import org.lrms.kit.problem.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sites a report covers: the whole district, or a list of site codes.
 *
 * @param district true for the whole district (then {@code sites} is empty)
 * @param sites    the site codes, upper-case, in the order asked
 */
public record ReportScope(boolean district, List<String> sites) {

    public static ReportScope wholeDistrict() {
        return new ReportScope(true, List.of());
    }

    public static ReportScope of(List<String> sites) {
        return new ReportScope(false, List.copyOf(sites));
    }

    /** The codes of a {@code site} parameter ({@code LHS} or {@code LHS,RMS}); empty when there is none. */
    public static List<String> parseSites(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : parameter.split(",")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,31}")) {
                throw ProblemException.badRequest("site", "is not a site code: " + ReportPeriod.abbreviate(part));
            }
            codes.add(code);
        }
        if (codes.size() > 2000) {
            throw ProblemException.badRequest("site", "at most 2000 sites; leave it out for the whole district");
        }
        return List.copyOf(codes);
    }

    /** The sites for SQL {@code IN (...)}: never empty (a district report filters on nothing). */
    public List<String> sqlSites() {
        return district ? List.of("") : sites;
    }

    /**
     * Binds a report query's {@code :district}, {@code :sites}, {@code :from} and {@code :to}: the scope's sites (as
     * {@code (:district OR site_code IN (:sites))} reads them) and the period's days.
     */
    public Query bind(Query query, ReportPeriod period) {
        return bind(query).setParameter("from", period.from()).setParameter("to", period.to());
    }

    /** Binds {@code :district} and {@code :sites}: the query keeps its rows by {@code (:district OR x IN (:sites))}. */
    public Query bind(Query query) {
        return query.setParameter("district", district).setParameter("sites", sqlSites());
    }

    public String label() {
        return district ? "DISTRICT" : String.join(",", sites);
    }
}
