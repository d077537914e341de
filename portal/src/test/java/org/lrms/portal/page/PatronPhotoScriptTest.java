package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

/**
 * The desk's patron picture (patron-photo.js) run in Node: the file chosen checked before it is sent (JPEG or PNG,
 * not empty, at most 2 MB), the upload and refusals in words, and one object URL at a time, revoked when the card
 * changes, a late answer for an earlier patron not shown. Skipped where no {@code node} is.
 */
class PatronPhotoScriptTest {

    @Test
    void theDeskShowsOnePictureAtATimeAndSendsOnlyWhatCirculationTakes() throws Exception {
        NodeScript.check("patron-photo.js", "patron-photo-check.js");
    }
}
