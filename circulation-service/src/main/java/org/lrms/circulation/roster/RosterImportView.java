package org.lrms.circulation.roster;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import's progress and outcome; {@code errors} lists the first rows that failed, with file, line and reason.
 * {@code classesRetired} and {@code enrollmentsRetired}: those a bulk file no longer listed (now tobedeleted);
 * {@code homeroomsApplied}: patrons whose homeroom the roster set, changed or took away after the users were written.
 */
public record RosterImportView(UUID id, String status, boolean bulk, String phase, Instant startedAt,
                               Instant finishedAt, int usersRead, int usersApplied, int usersDeactivated,
                               int sitesApplied, int classesApplied, int enrollmentsApplied, int classesRetired,
                               int enrollmentsRetired, int homeroomsApplied, int errorCount, String failure,
                               List<RowError> errors) {

    public record RowError(String file, long line, String reason) {
    }
}
