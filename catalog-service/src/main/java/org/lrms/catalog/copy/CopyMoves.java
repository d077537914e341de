package org.lrms.catalog.copy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.kit.jdbc.Statements;
import org.lrms.kit.outbox.Outbox;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What circulation's loan and hold events do to a copy, in plain JDBC on the consumer's transaction: one statement
 * locks the copy and reads its snapshot with its title's few fields, one updates it, and its {@code CopyStatusChanged}
 * goes through the outbox as any other. Every check-out and check-in at every desk comes through here; through
 * entities the same work loaded the whole title (its MARC record and all) and cost a third of the catalog's CPU under
 * a desk storm.
 * <p>
 * The update bumps {@code version} as Hibernate does, so a staff change made from an older read of the copy still
 * fails its optimistic check. The loan and hold consumers' transactions load no copy entity, so no stale entity can be
 * flushed over these rows; inventories and staff edits move copies through entities in transactions of their own.
 */
@ApplicationScoped
public class CopyMoves {

    private static final String COLUMNS = "SELECT c.id, c.barcode, c.title_id, t.title, t.authors[1], c.site_code, "
            + "c.status, c.circulation_type, t.material_type, t.dewey_number, c.call_number, c.shelf_location, "
            + "c.price, c.acquired_on, c.funding_source, c.condition, c.categories, t.publication_year, c.shelf_key, "
            + "c.destination_site, c.hold_id, c.circulation_at FROM copy c JOIN title t ON t.id = c.title_id ";
    private static final String BY_ID = COLUMNS + "WHERE c.id = ? FOR NO KEY UPDATE OF c";
    private static final String BY_BARCODE = COLUMNS + "WHERE c.barcode = ? FOR NO KEY UPDATE OF c";
    private static final String BY_HOLD = COLUMNS + "WHERE c.hold_id = ? FOR NO KEY UPDATE OF c";
    private static final String UPDATE = "UPDATE copy SET status = ?, destination_site = ?, hold_id = ?, "
            + "circulation_at = ?, updated_at = coalesce(?, updated_at), "
            // a check-in is a sighting (V3: "scanned or checked in"); greatest() skips a null and never goes back
            + "last_seen_at = greatest(last_seen_at, CAST(? AS timestamptz)), version = version + 1 WHERE id = ?";

    /** A copy a loan or hold event moves, locked: its snapshot as events carry it, and its circulation state. */
    public record LockedCopy(CopySnapshot snapshot, CirculationMove.State state) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    /**
     * The copy by id, else by barcode (events written before copy ids travelled), locked until the commit as the
     * entity's pessimistic lock did ({@code FOR NO KEY UPDATE}: rows that only reference the copy, a weeding log's or
     * an inventory's, are not held up).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LockedCopy> lock(UUID copyId, String barcode) {
        Optional<LockedCopy> copy = copyId == null ? Optional.empty()
                : Statements.first(dataSource, "copy " + copyId, BY_ID, CopyMoves::lockedCopy, copyId);
        return copy.isPresent() || barcode == null ? copy
                : Statements.first(dataSource, "copy " + barcode, BY_BARCODE, CopyMoves::lockedCopy, barcode);
    }

    /** The copy set aside for the hold, if any (a hold that ended may concern no copy any more), locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LockedCopy> lockSetAsideFor(UUID holdId) {
        return Statements.first(dataSource, "the copy of hold " + holdId, BY_HOLD, CopyMoves::lockedCopy, holdId);
    }

    /**
     * Applies the move ({@link CirculationMove}); a new status is published as {@code CopyStatusChanged} with the
     * reason and marks the copy updated. The same status (a hold named, a newer event time) changes the row only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(LockedCopy copy, Optional<CirculationMove.Outcome> move) {
        apply(copy, move, null);
    }

    /**
     * As {@link #apply(LockedCopy, Optional)}, the copy also seen at the desk at {@code seenAt} (a check-in): its
     * {@code last_seen_at}, which inventories skip by, moves up to that time in the same statement, never back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(LockedCopy copy, Optional<CirculationMove.Outcome> move, Instant seenAt) {
        if (move.isEmpty() || move.get().state().equals(copy.state())) {
            return;
        }
        CirculationMove.State next = move.get().state();
        CopySnapshot before = copy.snapshot();
        boolean statusChanged = copy.state().status() != next.status();
        Statements.update(dataSource, "copy " + before.copyId(), UPDATE, next.status().name(), next.destinationSite(),
                next.holdId(), next.circulationAt() == null ? null
                        : OffsetDateTime.ofInstant(next.circulationAt(), ZoneOffset.UTC),
                statusChanged ? OffsetDateTime.now(ZoneOffset.UTC) : null,
                seenAt == null ? null : OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC), before.copyId());
        if (statusChanged) {
            outbox.publish(Topics.CATALOG_COPIES, before.siteCode(), before.copyId().toString(),
                    new CopyStatusChanged(withStatus(before, next.status()), copy.state().status().name(),
                            move.get().reason()));
        }
    }

    private static LockedCopy lockedCopy(ResultSet r) throws SQLException {
        Array categories = r.getArray(17);
        Integer year = r.getObject(18, Integer.class);
        CopySnapshot snapshot = new CopySnapshot(r.getObject(1, UUID.class), r.getString(2),
                r.getObject(3, UUID.class), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                r.getBigDecimal(13), r.getObject(14, LocalDate.class), r.getString(15), r.getString(16),
                categories == null ? List.of() : List.copyOf(Arrays.asList((String[]) categories.getArray())),
                year, r.getString(19));
        OffsetDateTime at = r.getObject(22, OffsetDateTime.class);
        CirculationMove.State state = new CirculationMove.State(CopyStatus.valueOf(snapshot.status()),
                snapshot.siteCode(), r.getString(20), r.getObject(21, UUID.class),
                at == null ? null : at.toInstant());
        return new LockedCopy(snapshot, state);
    }

    private static CopySnapshot withStatus(CopySnapshot c, CopyStatus status) {
        return new CopySnapshot(c.copyId(), c.barcode(), c.titleId(), c.title(), c.author(), c.siteCode(),
                status.name(), c.circulationType(), c.materialType(), c.deweyNumber(), c.callNumber(),
                c.shelfLocation(), c.price(), c.acquiredOn(), c.fundingSource(), c.condition(), c.categories(),
                c.publicationYear(), c.shelfKey());
    }
}
