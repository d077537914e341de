package org.lrms.catalog.search;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.lrms.catalog.http.Paging;
import org.lrms.catalog.title.MaterialType;
import org.lrms.kit.problem.ProblemException;

/**
 * {@code GET /api/v1/search}: public (the student kiosk searches without signing in). Answers titles and how many
 * copies each site has and has on the shelf; it never shows who has a copy.
 */
@Path("/api/v1/search")
public class SearchResource {

    static final int MAX_SIZE = 100;
    static final int LAST_PAGE = 500;

    @Inject
    CatalogSearch search;

    @GET
    @PermitAll
    public SearchView search(@QueryParam("q") String q, @QueryParam("siteCode") String siteCode,
                             @QueryParam("materialType") String materialType,
                             @QueryParam("available") Boolean available,
                             @QueryParam("readingLevel") String readingLevel,
                             @QueryParam("language") String language,
                             @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size) {
        if (q != null && q.length() > 300) {
            throw ProblemException.badRequest("q", "at most 300 characters");
        }
        Paging paging = Paging.of(page, size, LAST_PAGE, MAX_SIZE);
        String type = materialType == null ? null : MaterialType.parse(materialType)
                .orElseThrow(() -> ProblemException.badRequest("materialType", "must be one of "
                        + MaterialType.allowed())).name();
        return search.search(q, new CatalogSearch.Filters(blank(siteCode), type, available, blank(readingLevel),
                blank(language)), paging.page(), paging.size());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
