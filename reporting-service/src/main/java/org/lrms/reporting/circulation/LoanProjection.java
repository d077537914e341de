package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.Topics;
import org.lrms.events.circulation.LoanAnonymized;
import org.lrms.events.circulation.LoanClosed;
import org.lrms.events.circulation.LoanCreated;
import org.lrms.events.circulation.LoanDeclaredLost;
import org.lrms.events.circulation.LoanOverdue;
import org.lrms.events.circulation.LoanRenewed;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.circulation.CirculationCounts.Kind;
import org.lrms.reporting.collection.DeweyClass;
import org.lrms.reporting.ingest.Projection;
import org.lrms.reporting.ingest.SqlBatch;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Loans from circulation.loans.v1: daily counts of check-outs, renewals, returns and losses for statistics (and their
 * district rollups, {@link CirculationCounts}), one row per loan (pseudonymous patron key) for top titles, distinct
 * borrowers and patron data reports, check-outs per title and month ({@code title_month}) and the district's
 * borrower sketches ({@link BorrowerSketches}), all in the batch's transaction. A loan that circulation anonymized
 * ({@code LoanAnonymized}, or a {@code LoanClosed} whose return dropped the link: {@code patronForgotten}) loses its
 * patron key; its counts and borrower token stay.
 */
@ApplicationScoped
public class LoanProjection implements Projection {

    @Inject
    SqlBatch sql;

    @Inject
    CirculationCounts counts;

    @Inject
    ReportingClock clock;

    @Inject
    BorrowerTokens borrowers;

    @Override
    public String topic() {
        return Topics.CIRCULATION_LOANS;
    }

    @Override
    public List<String> tables() {
        return List.of("circulation_day", "circulation_rollup", "loan", "title_month", "borrower_sketch");
    }

    @Override
    public boolean apply(EventEnvelope event) {
        switch (event.type()) {
            case "LoanCreated" -> {
                LoanSnapshot loan = loan(event, EventJson.payload(event, LoanCreated.class).loan());
                Instant at = loan.loanedAt() != null ? loan.loanedAt() : event.occurredAt();
                upsert(event, loan, at, "OUT", null);
                count(event, loan, at, Kind.CHECKOUT);
                if (loan.titleId() != null) {
                    sql.count(TITLE_MONTH, clock.day(at).withDayOfMonth(1), loan.titleId());
                }
            }
            case "LoanRenewed" -> {
                LoanSnapshot loan = loan(event, EventJson.payload(event, LoanRenewed.class).loan());
                upsert(event, loan, loan.loanedAt(), "OUT", null);
                count(event, loan, event.occurredAt(), Kind.RENEWAL);
            }
            case "LoanClosed" -> {
                LoanClosed closed = EventJson.payload(event, LoanClosed.class);
                LoanSnapshot loan = loan(event, closed.loan());
                Instant at = closed.returnedAt() != null ? closed.returnedAt() : event.occurredAt();
                upsert(event, loan, loan.loanedAt(), "RETURNED", at);
                count(event, loan, at, Kind.RETURN);
                if (closed.patronForgotten()) {
                    // the return also dropped the patron link (no LoanAnonymized follows): as for LoanAnonymized,
                    // after the upsert that counted the borrower
                    loanRows().anonymize(loan.loanId());
                }
            }
            case "LoanDeclaredLost" -> {
                LoanSnapshot loan = loan(event, EventJson.payload(event, LoanDeclaredLost.class).loan());
                upsert(event, loan, loan.loanedAt(), "LOST", null);
                count(event, loan, event.occurredAt(), Kind.LOST);
            }
            case "LoanOverdue" -> {
                LoanOverdue overdue = EventJson.payload(event, LoanOverdue.class);
                LoanSnapshot loan = loan(event, overdue.loan());
                upsert(event, loan, loan.loanedAt(), "OUT", null);
                loanRows().overdue(loan.loanId(), overdue.daysOverdue());
            }
            case "LoanAnonymized" -> {
                // circulation dropped the patron link: the loan keeps its statistics, not who borrowed it
                LoanAnonymized anonymized = EventJson.payload(event, LoanAnonymized.class);
                Projection.require(anonymized.loanId(), event, "loanId");
                loanRows().anonymize(anonymized.loanId());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A title's check-outs in a month, added up per batch ({@link SqlBatch#count}). */
    private static final String TITLE_MONTH = """
            INSERT INTO title_month (month, title_id, checkouts)
            SELECT * FROM unnest(?1::date[], ?2::uuid[], ?3::bigint[])
            ON CONFLICT (month, title_id) DO UPDATE SET checkouts = title_month.checkouts + EXCLUDED.checkouts
            """;

    /** The batch's loan rows: one upsert for the batch ({@link LoanRows}). */
    private LoanRows loanRows() {
        return sql.deferred(LoanRows.class, LoanRows::new);
    }

    private static LoanSnapshot loan(EventEnvelope event, LoanSnapshot loan) {
        Projection.require(loan, event, "loan");
        Projection.require(loan.loanId(), event, "loan.loanId");
        Projection.require(loan.siteCode() != null ? loan.siteCode() : event.siteCode(), event, "loan.siteCode");
        return loan;
    }

    private static String site(EventEnvelope event, LoanSnapshot loan) {
        return (loan.siteCode() != null ? loan.siteCode() : event.siteCode()).toUpperCase(Locale.ROOT);
    }

    private void count(EventEnvelope event, LoanSnapshot loan, Instant at, Kind kind) {
        counts.add(clock.day(at), site(event, loan), kind, loan.materialType(), DeweyClass.of(loan.deweyNumber()),
                loan.patronType(), loan.patronGrade());
    }

    /**
     * Keeps the loan's row; a returned loan stays returned, and an event repeating
     * the loan as out (renewal, overdue notice) never reopens it.
     * {@code loanedAt} falls back to the event time for a loan first seen after its check-out.
     */
    private void upsert(EventEnvelope event, LoanSnapshot loan, Instant loanedAt, String status, Instant returnedAt) {
        Instant loaned = loanedAt != null ? loanedAt : event.occurredAt();
        String borrower = borrowers.of(loan.patronKey());
        String counted = borrower != null ? borrower : loan.patronKey();
        if (counted != null) {
            sql.deferred(BorrowerSketches.class, BorrowerSketches::new).add(clock.day(loaned), counted);
        }
        loanRows().upsert(new LoanRows.Row(loan.loanId(), loan.copyId(), loan.titleId(), site(event, loan),
                loan.patronKey(), CirculationCounts.dimension(loan.patronType()),
                CirculationCounts.dimension(loan.patronGrade()), CirculationCounts.dimension(loan.materialType()),
                DeweyClass.of(loan.deweyNumber()), loaned, loan.dueAt(), returnedAt, status, borrower));
    }
}
