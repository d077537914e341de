package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

/**
 * The circulation desk's wording and offline keeping (desk.js) run in Node: where a returned copy goes, due dates in
 * the district's time zone, refusals and which may be overridden, and the transactions kept per site while
 * circulation cannot be reached, forgotten once an upload answered for them. Skipped where no {@code node} is.
 */
class DeskScriptTest {

    @Test
    void theDeskSaysWhereACopyGoesAndKeepsWhatCirculationCouldNotTake() throws Exception {
        NodeScript.check("desk.js", "desk-check.js");
    }
}
