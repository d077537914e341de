package org.lrms.circulation.hold;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.circulation.CirculationConfig;
import org.lrms.circulation.copy.Copy;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The hold pull list of a site: the copies on its shelves that waiting holds take (see {@link PullList} for who gets
 * which copy), in shelf order, from circulation's own tables and copy replica (no call to the catalog).
 */
@ApplicationScoped
public class PullLists {

    /** One copy to pull for one hold. {@code holdAgeDays}: whole days since the hold was placed. */
    public record Line(UUID holdId, UUID titleId, String title, String callNumber, String shelfLocation,
                       String itemBarcode, int queuePosition, String pickupSite, boolean copyHold, Instant placedAt,
                       long holdAgeDays) {
    }

    @Inject
    SiteScope scope;

    @Inject
    CirculationConfig config;

    /** The pull list of {@code siteCode}, for its staff (and the district's). */
    public List<Line> of(String siteCode) {
        if (siteCode == null || siteCode.isBlank()) {
            throw ProblemException.badRequest("siteCode", "the site whose shelves to pull from is required");
        }
        String site = SiteService.normalize(siteCode);
        scope.requireManage(site);
        if (Site.findById(site) == null) {
            throw ProblemException.notFound("site", site);
        }
        // holds on titles with a copy on this site's shelf; then every shelf copy of those titles, district-wide
        List<Hold> holds = Hold.list("from Hold h where h.status = 'WAITING' and exists (select 1 from Copy c "
                + "where c.titleId = h.titleId and c.siteCode = ?1 and c.circulationState = 'AVAILABLE' "
                + "and c.withdrawn = false)", site);
        if (holds.isEmpty()) {
            return List.of();
        }
        List<Copy> copies = Copy.list("titleId in ?1 and circulationState = 'AVAILABLE' and withdrawn = false",
                holds.stream().map(h -> h.titleId).distinct().toList());
        Instant now = Instant.now();
        return PullList.forSite(PullList.allocate(waiting(holds), shelf(copies), null), site).stream()
                .map(p -> line(p, copies, now)).toList();
    }

    /** The hold a copy on its own shelf fills in the share-out of its title, if any. */
    Optional<UUID> holdFor(Copy copy) {
        if (copy.titleId == null) {
            return Optional.empty();
        }
        List<Hold> holds = Hold.list("status = 'WAITING' and titleId = ?1", copy.titleId);
        List<Copy> copies = Copy.list("titleId = ?1 and circulationState = 'AVAILABLE' and withdrawn = false",
                copy.titleId);
        return PullList.holdFor(PullList.allocate(waiting(holds), shelf(copies), copy.id), copy.id)
                .map(PullList.WaitingHold::id);
    }

    /** The pull list as a printable PDF: one table in shelf order. */
    public byte[] pdf(String siteCode, List<Line> lines) {
        String site = SiteService.normalize(siteCode);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER.rotate(), 30, 30, 30, 30);
        PdfWriter.getInstance(document, out);
        document.open();
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        document.add(new Paragraph("Hold pull list - " + site + " - " + LocalDate.now(config.timeZone()), heading));
        if (lines.isEmpty()) {
            document.add(new Paragraph("No copy on the shelves is waited for.", body));
        } else {
            PdfPTable table = new PdfPTable(new float[]{14, 14, 30, 14, 6, 8, 7, 7});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            for (String column : List.of("Location", "Call number", "Title", "Barcode", "Queue", "Pickup",
                    "Age (days)", "Pulled")) {
                table.addCell(new PdfPCell(new Phrase(column, head)));
            }
            for (Line l : lines) {
                for (String value : List.of(text(l.shelfLocation()), text(l.callNumber()), text(l.title()),
                        l.itemBarcode(), (l.copyHold() ? "copy " : "") + l.queuePosition(), l.pickupSite(),
                        String.valueOf(l.holdAgeDays()), "")) {
                    PdfPCell cell = new PdfPCell(new Phrase(value, body));
                    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
                    table.addCell(cell);
                }
            }
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "-");
    }

    private static Line line(PullList.Pull p, List<Copy> copies, Instant now) {
        Copy copy = copies.stream().filter(c -> c.id.equals(p.copy().id())).findFirst().orElseThrow();
        PullList.WaitingHold h = p.hold();
        return new Line(h.id(), h.titleId(), copy.title, copy.callNumber, copy.shelfLocation, copy.barcode,
                p.queuePosition(), h.pickupSite(), h.copyId() != null, h.placedAt(),
                Duration.between(h.placedAt(), now).toDays());
    }

    private static List<PullList.WaitingHold> waiting(List<Hold> holds) {
        return holds.stream().map(h -> new PullList.WaitingHold(h.id, h.titleId, h.copyId, h.pickupSite, h.priority,
                h.placedAt)).toList();
    }

    /** Copies the catalog lets circulate (not missing, damaged...): the others cannot be lent. */
    private static List<PullList.ShelfCopy> shelf(List<Copy> copies) {
        return copies.stream().filter(Copy::circulates).map(c -> new PullList.ShelfCopy(c.id, c.titleId, c.siteCode,
                c.barcode, c.callNumber, c.shelfKey, c.shelfLocation)).toList();
    }
}
