package org.lrms.catalog.site;

import jakarta.enterprise.context.ApplicationScoped;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;

import java.util.List;
import java.util.Locale;

/** Reads the site replica; copies may only be placed at a known, active site. */
@ApplicationScoped
public class Sites {

    /** The active site {@code code}, or a 422 problem naming {@code field}. */
    public Site requireActive(String code, String field) {
        Site site = code == null ? null : Site.findById(code.strip().toUpperCase(Locale.ROOT));
        if (site == null || !site.active) {
            throw new ProblemException(422, "Request cannot be carried out", "unknown-site",
                    field + ": site " + code + (site == null ? " is not known" : " is closed"),
                    List.of(new Problem.FieldError(field, site == null ? "unknown site" : "closed site")));
        }
        return site;
    }

    public List<Site> all() {
        return Site.listAll(io.quarkus.panache.common.Sort.by("code"));
    }
}
