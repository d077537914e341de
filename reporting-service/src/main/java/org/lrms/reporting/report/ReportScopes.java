package org.lrms.reporting.report;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;
import org.lrms.reporting.site.SiteDirectory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a report's {@code site} parameter against the caller: district staff and integrations may ask for any
 * known site or, leaving it out, the whole district; site staff get their own sites when they leave it out, and
 * a 403 for a site they do not hold. An unknown site is a 400 naming the {@code site} field.
 */
@RequestScoped
public class ReportScopes {

    @Inject
    SiteScope caller;

    @Inject
    SiteDirectory sites;

    public ReportScope resolve(String siteParameter) {
        List<String> asked = ReportScope.parseSites(siteParameter);
        if (asked.isEmpty()) {
            if (caller.isDistrictWide()) {
                return ReportScope.wholeDistrict();
            }
            Set<String> own = new TreeSet<>(caller.sites());
            if (!caller.isStaff() || own.isEmpty()) {
                throw ProblemException.forbidden("your account holds no site to report on");
            }
            return ReportScope.of(List.copyOf(own));
        }
        Set<String> unknown = new TreeSet<>(sites.unknown(asked));
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "unknown-site",
                    "site: unknown site " + String.join(",", unknown),
                    List.of(new Problem.FieldError("site", "unknown site " + String.join(",", unknown))));
        }
        asked.forEach(caller::requireManage);
        return ReportScope.of(asked);
    }
}
