package org.lrms.circulation.loan;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.lrms.circulation.copy.CopyRow;
import org.lrms.circulation.patron.Patron;
import org.lrms.kit.jdbc.Columns;
import org.lrms.kit.jdbc.Statements;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The statements of the common check-out and check-in ({@link CheckoutService}), in plain JDBC: rows read straight
 * into records, the loan and the copy's circulation state written by plain statements. No entity is loaded, so
 * Hibernate has nothing to hydrate, dirty-check or flush at the commit. Through Hibernate each desk query spent 55-70 %
 * of its CPU in Hibernate itself (bench/README.md: an entity-mapped native query resolves its result mapping on every
 * execution), as the catalog's barcode lookup did before it read its row the same way ({@code CopyLookup}).
 * <p>
 * Every statement runs in the caller's transaction: there the pool hands out the connection it enlisted in that
 * transaction, the one Hibernate and the outbox use as well, so these statements, whatever entities the rare paths
 * change and the events commit or roll back together, and each statement sees what the others wrote before it
 * ({@code CheckoutTest}: an outbox that refuses the events leaves no loan).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DeskStatements {

    /**
     * The patron by barcode and the counts of their open loans the desk's blocks read, as of {@code now}: a lost
     * loan whose LOST fee is settled (lost_settled_at) is neither overdue nor blocking any more. The version of the
     * desk rules ({@code DeskRules}) is read in the same statement, before the rules themselves. The patron is read,
     * not locked.
     */
    private static final String BORROWER = "SELECT p.id, p.status, p.blocked, p.block_note, p.fee_balance, "
            + "p.patron_type, p.grade, o.open_loans, o.overdue_loans, o.blocking_loans, "
            + "(SELECT version FROM desk_rules_version), p.home_site "
            + "FROM patron p CROSS JOIN LATERAL (SELECT count(*) AS open_loans, "
            + "count(*) FILTER (WHERE due_at < ? AND lost_settled_at IS NULL) AS overdue_loans, "
            + "count(*) FILTER (WHERE overdue_block AND lost_settled_at IS NULL) AS blocking_loans "
            + "FROM loan WHERE patron_id = p.id AND returned_at IS NULL) o WHERE p.barcode = ?";

    /** The copy, locked until the commit (as Hibernate's PESSIMISTIC_WRITE did): two desks on one copy take turns. */
    private static final String LOCKED_COPY = "SELECT id, barcode, title_id, title, site_code, catalog_status, "
            + "circulation_state, circulation_type, material_type, dewey_number, withdrawn "
            + "FROM copy WHERE barcode = ? FOR NO KEY UPDATE";

    private static final String LOAN_COLUMNS = "l.id, l.copy_id, l.patron_id, l.patron_key, l.patron_type, "
            + "l.patron_grade, l.site_code, l.loaned_at, l.due_at, l.renewals, l.override_reason, l.override_by, "
            + "l.created_by, l.lost_at, l.version";

    /**
     * The copy's open loan; the privacy policy's period (one row); and three index probes: the loan's notices
     * ({@code notice_loan}), the loan's fees ({@code fee_loan}: a fine assessed at a renewal; null when it has none,
     * true when one is open, false when all are settled), and a closed
     * loan of the same patron that the privacy rule would take as of the instant in the parameter (past the period, no
     * open fee of its own: {@code loan_closed_per_patron}, which holds none such under the default policy). What the
     * patron owes elsewhere is not read: it keeps no loan linked. See {@link ReturnedLoan}.
     */
    private static final String OPEN_LOAN = "SELECT " + LOAN_COLUMNS + ", pp.keep_closed_loans_days, "
            + "EXISTS (SELECT 1 FROM notice n WHERE n.loan_id = l.id), "
            + "(SELECT bool_or(f.status = 'OPEN') FROM fee f WHERE f.loan_id = l.id), "
            + "EXISTS (SELECT 1 FROM loan c WHERE c.patron_id = l.patron_id AND c.returned_at IS NOT NULL "
            + "AND c.returned_at <= CAST(? AS timestamptz) - make_interval(days => pp.keep_closed_loans_days) "
            + "AND NOT EXISTS (SELECT 1 FROM fee cf WHERE cf.loan_id = c.id AND cf.status = 'OPEN')) "
            + "FROM loan l CROSS JOIN privacy_policy pp WHERE l.copy_id = ? AND l.returned_at IS NULL";

    /** Every column the loan entity wrote: a new loan has no notice stage, no block, no return, is not lost. */
    private static final String LEND = "INSERT INTO loan (id, copy_id, patron_id, patron_key, patron_type, "
            + "patron_grade, site_code, loaned_at, due_at, renewals, override_reason, override_by, created_by, "
            + "lost_at, version, overdue_stage, overdue_block, returned_at, returned_at_site, lost_settled_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, false, NULL, NULL, NULL)";

    private static final String COPY_STATE = "UPDATE copy SET circulation_state = ?, in_transit_to = ? WHERE id = ?";

    /**
     * Checks and moves the loan's version as the entity's flush did: a renewal or a sweep that read the loan before
     * the return then fails instead of reopening it, and a return that read it before them closes nothing.
     */
    private static final String CLOSE = "UPDATE loan SET returned_at = ?, returned_at_site = ?, "
            + "version = version + 1 WHERE id = ? AND version = ?";

    private static final String CLOSE_FORGETTING_PATRON = "UPDATE loan SET returned_at = ?, returned_at_site = ?, "
            + "patron_id = NULL, patron_key = NULL, version = version + 1 WHERE id = ? AND version = ?";

    /**
     * A patron at the desk: what the check-out's refusals read of them, the counts of their open, overdue and
     * blocking loans, the version of the desk rules the check-out lends under, and the home site (who may see the
     * refusals' details).
     */
    record Borrower(UUID patronId, String status, boolean blocked, String blockNote, BigDecimal feeBalance,
                    String patronType, String grade, long openLoans, long overdueLoans, long blockingLoans,
                    long rulesVersion, String homeSite) {

        boolean isActive() {
            return Patron.ACTIVE.equals(status);
        }
    }

    /** A loan's row as a check-out writes it and a check-in reads it back. */
    record LoanRow(UUID id, UUID copyId, UUID patronId, String patronKey, String patronType, String patronGrade,
                   String siteCode, Instant loanedAt, Instant dueAt, int renewals, String overrideReason,
                   String overrideBy, String createdBy, Instant lostAt, int version) {

        /** The row of a loan loaded as an entity (renewals, the sweep). */
        static LoanRow of(Loan loan) {
            return new LoanRow(loan.id, loan.copyId, loan.patronId, loan.patronKey, loan.patronType, loan.patronGrade,
                    loan.siteCode, loan.loanedAt, loan.dueAt, loan.renewals, loan.overrideReason, loan.overrideBy,
                    loan.createdBy, loan.lostAt, loan.version);
        }
    }

    /**
     * A copy's open loan; the privacy policy's period; whether notices name the loan; whether a fee of the loan is
     * open; whether the loan has fees (open or settled); whether the patron has another closed loan the privacy rule
     * would take now.
     */
    record ReturnedLoan(LoanRow loan, int keepClosedLoansDays, boolean noticed, boolean feeOpen, boolean hasFees,
                        boolean closedLoansLinked) {

        /**
         * The return drops the loan's patron link itself, in the statement that closes it ({@code LoanClosed} says
         * so), instead of the privacy statement over the patron's closed loans ({@link LoanPrivacy}) that would
         * drop it right after: the return charges nothing (not overdue, so no fine) and refunds nothing (not declared
         * lost), no fee of the loan is open, the policy keeps no closed loan, and no other closed loan of the patron
         * is waiting for the rule, so that statement would have anonymized this loan and no other. What the patron
         * owes for other loans or manual charges does not matter. A return dated ahead of this server's clock
         * (offline, up to a minute) is not yet past that statement's cut-off: it keeps the statement, as before.
         */
        boolean forgetsPatron(Instant returnedAt) {
            return loan.patronId() != null && !returnedAt.isAfter(loan.dueAt()) && loan.lostAt() == null
                    && !feeOpen && keepClosedLoansDays == 0 && !closedLoansLinked
                    && !returnedAt.isAfter(Instant.now());
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** The patron with this barcode as the check-out reads them ({@link #BORROWER}), or null. */
    Borrower borrower(String barcode, Instant now) {
        return Statements.first(dataSource, "the patron", BORROWER, r -> new Borrower(r.getObject(1, UUID.class),
                r.getString(2), r.getBoolean(3), r.getString(4), r.getBigDecimal(5), r.getString(6), r.getString(7),
                r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11), r.getString(12)), timestamp(now),
                barcode).orElse(null);
    }

    /** The copy with this barcode, locked for the rest of the transaction; or null. */
    CopyRow lockedCopy(String barcode) {
        return Statements.first(dataSource, "the copy", LOCKED_COPY, r -> new CopyRow(r.getObject(1, UUID.class),
                r.getString(2), r.getObject(3, UUID.class), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getBoolean(11)), barcode)
                .orElse(null);
    }

    /** The copy's open loan as of {@code now} ({@link #OPEN_LOAN}), or null. */
    ReturnedLoan openLoan(UUID copyId, Instant now) {
        return Statements.first(dataSource, "the copy's loan", OPEN_LOAN, r -> {
            LoanRow loan = new LoanRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
                    r.getObject(3, UUID.class), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                    instant(r, 8), instant(r, 9), r.getInt(10), r.getString(11), r.getString(12),
                    r.getString(13), instant(r, 14), r.getInt(15));
            Boolean feeOpen = (Boolean) r.getObject(18);
            return new ReturnedLoan(loan, r.getInt(16), r.getBoolean(17), Boolean.TRUE.equals(feeOpen),
                    feeOpen != null, r.getBoolean(19));
        }, timestamp(now), copyId).orElse(null);
    }

    /** Writes a new loan. */
    void lend(LoanRow loan) {
        update(LEND, loan.id(), loan.copyId(), loan.patronId(), loan.patronKey(), loan.patronType(),
                loan.patronGrade(), loan.siteCode(), timestamp(loan.loanedAt()), timestamp(loan.dueAt()),
                loan.renewals(), loan.overrideReason(), loan.overrideBy(), loan.createdBy(),
                timestamp(loan.lostAt()), loan.version());
    }

    /** The copy's circulation state after a check-out or check-in (the copy is locked by {@link #lockedCopy}). */
    void circulationState(UUID copyId, String circulationState, String inTransitTo) {
        update(COPY_STATE, circulationState, inTransitTo, copyId);
    }

    /**
     * Closes the loan as returned at {@code site}, and with {@code forgetPatron} drops its patron link in the same
     * statement. A loan changed since it was read (its version) is not closed, and the transaction fails as it did
     * when the entity's flush found the version changed: the desk is told to scan again (409 concurrent-change).
     */
    void close(LoanRow loan, Instant returnedAt, String site, boolean forgetPatron) {
        int closed = update(forgetPatron ? CLOSE_FORGETTING_PATRON : CLOSE, timestamp(returnedAt), site, loan.id(),
                loan.version());
        if (closed != 1) {
            throw new OptimisticLockException("loan " + loan.id() + " was changed by another transaction since it "
                    + "was read (version " + loan.version() + ")");
        }
    }

    private int update(String sql, Object... parameters) {
        return Statements.update(dataSource, "the desk's change", sql, parameters);
    }

    /** An instant as the driver writes a {@code timestamptz} (null stays null). */
    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return Columns.instant(r.getObject(column, OffsetDateTime.class));
    }
}
