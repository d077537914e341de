package org.lrms.circulation.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An import's progress and outcome; {@code errors} lists the first rows that failed, with file, line and reason. */
public record RosterImportView(UUID id, String status, boolean bulk, String phase, Instant startedAt,
                               Instant finishedAt, int usersRead, int usersApplied, int usersDeactivated,
                               int sitesApplied, int classesApplied, int enrollmentsApplied, int errorCount,
                               String failure, List<RowError> errors) {

    public record RowError(String file, long line, String reason) {
    }
}
