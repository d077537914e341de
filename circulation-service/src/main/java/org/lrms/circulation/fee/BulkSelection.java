package org.lrms.circulation.fee;

import jakarta.persistence.Query;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The patrons a bulk waiver reaches, as a JPQL condition on {@code Patron p}: their home sites (one, several, or all)
 * and their grade, or the graduating class (grade 12 and the patrons whose status is GRADUATED).
 */
record BulkSelection(List<String> sites, String grade, boolean graduatingClass) {

    static final String GRADUATING_GRADE = "12";

    /** Reads and checks the request: exactly one way of naming sites, exactly one of grade and graduating class. */
    static BulkSelection of(FeeRequests.BulkWaiver request) {
        int ways = (request.siteCode() != null ? 1 : 0) + (request.siteCodes() != null ? 1 : 0)
                + (request.isAllSites() ? 1 : 0);
        if (ways != 1) {
            throw ProblemException.badRequest("siteCode",
                    "give exactly one of siteCode, siteCodes or allSites: true");
        }
        if ((request.grade() != null) == request.isGraduatingClass()) {
            throw ProblemException.badRequest("grade", "give exactly one of grade or graduatingClass: true");
        }
        if (request.grade() != null && request.grade().isBlank()) {
            throw ProblemException.badRequest("grade", "must not be blank");
        }
        List<String> sites = null;
        if (request.siteCode() != null) {
            sites = List.of(known(request.siteCode(), "siteCode"));
        } else if (request.siteCodes() != null) {
            if (request.siteCodes().isEmpty()) {
                throw ProblemException.badRequest("siteCodes", "must name at least one site");
            }
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < request.siteCodes().size(); i++) {
                codes.add(known(request.siteCodes().get(i), "siteCodes[" + i + "]"));
            }
            sites = new ArrayList<>(codes);
        }
        return new BulkSelection(sites, request.grade() == null ? null : request.grade().strip(),
                request.isGraduatingClass());
    }

    /** A site circulation knows, by its code as given in {@code field}: 400 when blank, 422 {@code unknown-site}. */
    static String known(String code, String field) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest(field, "must not be blank");
        }
        String site = SiteService.normalize(code);
        if (Site.findById(site) == null) {
            throw new ProblemException(422, "Request cannot be carried out", "unknown-site", "no site " + site,
                    List.of(new Problem.FieldError(field, "no site " + site)));
        }
        return site;
    }

    /** The condition on {@code Patron p}, with the parameters {@link #bind} sets. */
    String where() {
        String who = graduatingClass ? "(p.grade = :graduatingGrade or p.status = 'GRADUATED')" : "p.grade = :grade";
        return sites == null ? who : "p.homeSite in :sites and " + who;
    }

    void bind(Query query) {
        if (sites != null) {
            query.setParameter("sites", sites);
        }
        if (graduatingClass) {
            query.setParameter("graduatingGrade", GRADUATING_GRADE);
        } else {
            query.setParameter("grade", grade);
        }
    }

    static FeeRequests.BulkWaiverResult result(boolean dryRun, int waived, List<FeeRequests.BulkWaiverSite> sites) {
        int fees = sites.stream().mapToInt(FeeRequests.BulkWaiverSite::fees).sum();
        int patrons = sites.stream().mapToInt(FeeRequests.BulkWaiverSite::patrons).sum();
        BigDecimal amount = sites.stream().map(FeeRequests.BulkWaiverSite::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new FeeRequests.BulkWaiverResult(dryRun, waived, fees, patrons, amount, sites);
    }
}
