package org.lrms.circulation.notice;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.io.ByteArrayOutputStream;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.lrms.kit.jdbc.Columns.instant;

/**
 * Notices the daily jobs and the ledger recorded (overdue by stage, lost, hold available, fine): listed for staff,
 * e-mailed to patrons who have an address, and printed as one PDF per site grouped by homeroom for those delivered
 * by hand.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);

    /** How long a desk is asked to wait before sending again when the mail server did not take the notices. */
    static final int RETRY_MAIL_SECONDS = 300;

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    @Inject
    Mailer mailer;

    /**
     * Records a notice for a patron, in the patron's language and with their homeroom (for the printed slips), about
     * a loan, a hold or a fee. {@code site} is where it is handed out; {@code null} means the patron's home site. A
     * patron who does not exist gets no notice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID patronId, String site, String kind, int stage, boolean blocks, UUID loanId, UUID holdId,
                       UUID feeId, Instant at) {
        em.createNativeQuery("INSERT INTO notice (id, patron_id, site_code, kind, stage, blocks, language, loan_id, "
                        + "hold_id, fee_id, homeroom, homeroom_class, created_at) SELECT ?1, p.id, "
                        + "COALESCE(?2, p.home_site), ?3, ?4, ?5, p.language, ?6, ?7, ?8, p.homeroom, p.homeroom_class, "
                        + "?9 FROM patron p WHERE p.id = ?10")
                .setParameter(1, UUID.randomUUID()).setParameter(2, site).setParameter(3, kind)
                .setParameter(4, stage).setParameter(5, blocks).setParameter(6, loanId).setParameter(7, holdId)
                .setParameter(8, feeId).setParameter(9, at).setParameter(10, patronId).executeUpdate();
    }

    /**
     * The hold no longer waits on the shelf (its copy went to another patron): its hold-available notices not yet
     * e-mailed or printed are withdrawn; answers how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawHoldAvailable(UUID holdId) {
        return em.createNativeQuery("DELETE FROM notice WHERE hold_id = ?1 AND kind = 'HOLD_AVAILABLE' "
                        + "AND printed_at IS NULL AND emailed_at IS NULL")
                .setParameter(1, holdId).executeUpdate();
    }

    public List<NoticeView> list(String site, boolean pendingOnly) {
        String code = SiteService.normalize(site);
        scope.requireManage(code);
        return read(code, pendingOnly);
    }

    private List<NoticeView> read(String code, boolean pendingOnly) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT n.id, n.kind, n.language, p.barcode, "
                        + "p.first_name || ' ' || p.last_name, n.homeroom, p.email, c.title, "
                        + "COALESCE(l.due_at::date, h.shelf_expires_on), n.created_at, n.printed_at, n.emailed_at, "
                        + "n.stage, n.blocks, f.amount, f.kind, t.first_name || ' ' || t.last_name "
                        + "FROM notice n JOIN patron p ON p.id = n.patron_id "
                        + "LEFT JOIN roster_class hc ON hc.sourced_id = n.homeroom_class "
                        + "LEFT JOIN patron t ON t.id = hc.homeroom_teacher_id "
                        + "LEFT JOIN loan l ON l.id = n.loan_id "
                        + "LEFT JOIN hold h ON h.id = n.hold_id "
                        + "LEFT JOIN fee f ON f.id = n.fee_id "
                        + "LEFT JOIN copy c ON c.id = COALESCE(l.copy_id, h.assigned_copy_id, f.copy_id) "
                        + "WHERE n.site_code = ?1 " + (pendingOnly ? "AND n.printed_at IS NULL AND n.emailed_at IS NULL " : "")
                        + "ORDER BY n.homeroom NULLS LAST, t.last_name NULLS LAST, t.first_name, p.last_name, "
                        + "n.created_at LIMIT 5000")
                .setParameter(1, code).getResultList();
        List<NoticeView> notices = new ArrayList<>();
        for (Object[] r : rows) {
            int stage = ((Number) r[12]).intValue();
            boolean blocks = Boolean.TRUE.equals(r[13]);
            NoticeText.Text text = NoticeText.of((String) r[1], stage, blocks, (String) r[2], (String) r[4],
                    (String) r[7], date(r[8]), (java.math.BigDecimal) r[14], (String) r[15]);
            notices.add(new NoticeView((UUID) r[0], (String) r[1], stage, (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[16], (String) r[6], text.subject(), text.body(), instant(r[9]),
                    instant(r[10]), instant(r[11])));
        }
        return notices;
    }

    /**
     * E-mails the pending notices of a site to patrons who have an address; answers how many were sent. A mail server
     * that stops taking them ends the run with a 503: what it took before stays e-mailed, the rest stays pending.
     */
    public int email(String site) {
        String code = SiteService.normalize(site);
        scope.requireManage(code);
        NoticeMailing.Outcome outcome = mail(code);
        if (outcome.stoppedBy() != null) {
            throw ProblemException.unavailable("mail-server-unavailable", "The mail server did not take the notices: "
                            + outcome.sent() + " sent, " + outcome.left() + " still pending; send again later",
                    RETRY_MAIL_SECONDS).with("sent", outcome.sent()).with("pending", outcome.left());
        }
        return outcome.sent();
    }

    @Scheduled(cron = "{circulation.notices.email-cron}", identity = "notice-emails")
    void daily() {
        emailPending();
    }

    /**
     * The daily run: the pending notices of every site, to the patrons who have an address (the others wait for the
     * printed slips). A mail server that stops taking them ends the run; the rest goes with the next one. Answers how
     * many were sent.
     */
    @ActivateRequestContext
    public int emailPending() {
        @SuppressWarnings("unchecked")
        List<String> sites = em.createNativeQuery("SELECT DISTINCT n.site_code FROM notice n "
                + "JOIN patron p ON p.id = n.patron_id WHERE n.printed_at IS NULL AND n.emailed_at IS NULL "
                + "AND p.email IS NOT NULL ORDER BY 1").getResultList();
        int sent = 0;
        for (String site : sites) {
            NoticeMailing.Outcome outcome = mail(site);
            sent += outcome.sent();
            if (outcome.stoppedBy() != null) {
                // the cause's message may name the address: only its kind is logged
                LOG.warnf("the mail server stopped taking notices at site %s (%s): %d sent, the rest waits for the "
                        + "next run", site, outcome.stoppedBy().getClass().getSimpleName(), sent);
                break;
            }
        }
        return sent;
    }

    /**
     * Each notice is claimed in a transaction of its own before its mail goes (only while still pending, so another
     * run that took it is left to it), and released when the mail server does not take it.
     */
    private NoticeMailing.Outcome mail(String site) {
        return NoticeMailing.send(read(site, true),
                notice -> mailer.send(Mail.withText(notice.email(), notice.subject(), notice.body())),
                new NoticeMailing.Marks() {
                    @Override
                    public boolean claim(UUID id) {
                        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                                        "UPDATE notice SET emailed_at = ?2 WHERE id = ?1 AND emailed_at IS NULL "
                                                + "AND printed_at IS NULL")
                                .setParameter(1, id).setParameter(2, Instant.now()).executeUpdate()) == 1;
                    }

                    @Override
                    public void release(UUID id) {
                        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                        "UPDATE notice SET emailed_at = NULL WHERE id = ?1")
                                .setParameter(1, id).executeUpdate());
                    }
                });
    }

    /**
     * The pending notices of a site as a printable PDF, one page per homeroom and its teacher (the teacher enrolled
     * in the roster's homeroom class; a homeroom staff entered has none); they count as printed.
     */
    @Transactional
    public byte[] print(String site) {
        List<NoticeView> pending = list(site, true);
        Map<String, List<NoticeView>> byHomeroom = new LinkedHashMap<>();
        pending.forEach(n -> byHomeroom.computeIfAbsent(heading(n), k -> new ArrayList<>()).add(n));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER);
        PdfWriter.getInstance(document, out);
        document.open();
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        if (byHomeroom.isEmpty()) {
            document.add(new Paragraph("No notices to print.", body));
        }
        boolean first = true;
        for (Map.Entry<String, List<NoticeView>> room : byHomeroom.entrySet()) {
            if (!first) {
                document.newPage();
            }
            first = false;
            document.add(new Paragraph(room.getKey(), heading));
            for (NoticeView n : room.getValue()) {
                document.add(new Paragraph(n.subject() + " - " + n.patronName() + " (" + n.patronBarcode() + ")",
                        heading));
                document.add(new Paragraph(n.body(), body));
                em.createNativeQuery("UPDATE notice SET printed_at = ?2 WHERE id = ?1")
                        .setParameter(1, n.id()).setParameter(2, Instant.now()).executeUpdate();
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** "Homeroom: Grade 3 - Room 5 - Teacher: Robin Castillo". */
    static String heading(NoticeView n) {
        String heading = "Homeroom: " + Objects.requireNonNullElse(n.homeroom(), "-");
        return n.homeroomTeacher() == null ? heading : heading + " - Teacher: " + n.homeroomTeacher();
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
