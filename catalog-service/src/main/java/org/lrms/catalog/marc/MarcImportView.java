package org.lrms.catalog.marc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import's summary: created, matched (and updated), rejected with record number and reason, and the records
 * imported with a warning (an invalid ISBN kept as cancelled; a matched title shared with other sites, left as it was):
 * {@code warned}, {@code warnings} with their reason.
 */
public record MarcImportView(UUID id, String status, String format, String matchMode, String siteCode,
                             int recordsRead, int created, int matched, int rejected, int copiesAdded,
                             int holdingsSkipped,
                             List<MarcImport.Rejection> rejections, int warned, List<MarcImport.Rejection> warnings,
                             Instant startedAt, Instant finishedAt, String failure) {

    static MarcImportView of(MarcImport i) {
        return new MarcImportView(i.id, i.status, i.fileFormat, i.matchMode, i.siteCode, i.recordsRead, i.created,
                i.matched, i.rejected, i.copiesAdded, i.holdingsSkipped, List.copyOf(i.rejections), i.warned,
                List.copyOf(i.warnings), i.startedAt,
                i.finishedAt, i.failure);
    }
}
