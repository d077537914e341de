package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

/**
 * The inventory and weeding cards' logic and wording (inventory-weeding.js) run in Node: the start request and its
 * skip date in the district's time zone, scans sent in batches (50 at once or 2 s after the last scan, one batch at a
 * time), a failed batch kept and sent again with what was scanned meanwhile (by itself after a timeout or an
 * unreachable catalog, on request after a refusal), repeats shown and not sent again, the report's pages and lines,
 * the district lists' active terms, and refusals in the catalog's words. Skipped where no {@code node} is.
 */
class InventoryWeedingScriptTest {

    @Test
    void scansGoInBatchesAndAFailedBatchIsKeptUntilTheCatalogTakesIt() throws Exception {
        NodeScript.check("inventory-weeding.js", "inventory-weeding-check.js");
    }
}
