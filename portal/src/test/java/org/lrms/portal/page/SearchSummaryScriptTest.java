package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

/**
 * The search page's wording (search-summary.js: "About 61,367 titles found", the note on partial facet counts) run
 * in Node (the page's script is plain functions, no DOM). Skipped, saying so, where no {@code node} is installed.
 */
class SearchSummaryScriptTest {

    @Test
    void theTotalIsAboutNWhenTheCatalogEstimatesItAndPartialFacetCountsAreSaid() throws Exception {
        NodeScript.check("search-summary.js", "search-summary-check.js");
    }
}
