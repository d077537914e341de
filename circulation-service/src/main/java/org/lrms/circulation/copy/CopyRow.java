package org.lrms.circulation.copy;

import java.util.UUID;

/**
 * A copy replica's row as a desk transaction reads it (check-out, check-in), straight from its statement with no
 * entity loaded: what the desk decides on, and what the loan's events and the hold queue say of the copy. The
 * desk writes its circulation state by a statement too ({@code DeskStatements}).
 */
public record CopyRow(UUID id, String barcode, UUID titleId, String title, String siteCode, String catalogStatus,
                      String circulationState, String circulationType, String materialType, String deweyNumber,
                      boolean withdrawn) {

    /** The row of a copy already loaded as an entity (the paths that change it through the entity). */
    public static CopyRow of(Copy copy) {
        return new CopyRow(copy.id, copy.barcode, copy.titleId, copy.title, copy.siteCode, copy.catalogStatus,
                copy.circulationState, copy.circulationType, copy.materialType, copy.deweyNumber, copy.withdrawn);
    }

    /** False when the catalog took the copy out of circulation (missing, damaged, withdrawn...). */
    public boolean circulates() {
        return Copy.circulates(withdrawn, catalogStatus);
    }
}
