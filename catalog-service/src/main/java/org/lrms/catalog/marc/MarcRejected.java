package org.lrms.catalog.marc;

/** A MARC record the catalog cannot take, with the reason staff can act on. */
public class MarcRejected extends RuntimeException {

    public MarcRejected(String reason) {
        super(reason, null, false, false);
    }
}
