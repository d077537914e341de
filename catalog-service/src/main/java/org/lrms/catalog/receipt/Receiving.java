package org.lrms.catalog.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.catalog.copy.CopyRequest;
import org.lrms.catalog.copy.CopyService;
import org.lrms.catalog.copy.CopyStatus;
import org.lrms.catalog.site.Site;
import org.lrms.catalog.title.Isbn;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;
import org.lrms.catalog.title.TitleService;
import org.lrms.events.UnreadableEventException;
import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.events.acquisitions.OrderedTitle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A library receipt line becomes copies: in processing at the destination site, with the unit price, the day
 * received and the fund as funding source; the barcodes the vendor applied, or the site's next automatic ones. The
 * title is the one the line was ordered from, else the one with the same ISBN, else a new title from the line.
 */
@ApplicationScoped
public class Receiving {

    /** More items than any school receives on one line: a number past it is a mistake, not a delivery. */
    static final int MAX_QUANTITY = 1000;

    @Inject
    TitleService titles;

    @Inject
    CopyService copies;

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(ItemsReceived line) {
        if (ReceiptLine.findById(line.receiptLineId()) != null) {
            return; // taken in before, under another event id
        }
        if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
            throw unreadable(line, "quantity " + line.quantity() + " (1 to " + MAX_QUANTITY + ")");
        }
        String siteCode = line.siteCode() == null ? null : line.siteCode().strip().toUpperCase(Locale.ROOT);
        Site site = siteCode == null ? null : Site.findById(siteCode);
        if (site == null || !site.active) {
            throw unreadable(line, "site " + line.siteCode() + (site == null ? " is not known" : " is closed"));
        }
        List<String> barcodes = line.barcodes() == null ? List.of()
                : line.barcodes().stream().filter(b -> b != null && !b.isBlank()).map(String::strip).toList();
        if (!barcodes.isEmpty() && barcodes.size() != line.quantity()) {
            throw unreadable(line, barcodes.size() + " barcodes for " + line.quantity() + " items");
        }
        Title title = title(line);
        BigDecimal price = line.unitPrice() == null ? null : line.unitPrice().setScale(2, RoundingMode.HALF_UP);
        if (price != null && price.signum() < 0) {
            throw unreadable(line, "unit price " + line.unitPrice() + " is negative");
        }
        Set<String> batch = new HashSet<>();
        for (int i = 0; i < line.quantity(); i++) {
            String barcode = barcodes.isEmpty() ? null : barcodes.get(i);
            if (barcode != null && !barcode.matches(CopyRequest.BARCODE)) {
                throw unreadable(line, "barcode '" + barcode + "': 1 to 32 letters, digits, '-' or '.'");
            }
            copies.addReceived(title, new CopyRequest(site.code, barcode, null, null, price, line.receivedOn(),
                    line.fundCode(), null, null, null, CopyStatus.IN_PROCESSING.name()), batch, line.receiptLineId());
        }
        ReceiptLine taken = new ReceiptLine();
        taken.receiptLineId = line.receiptLineId();
        taken.receiptId = line.receiptId();
        taken.orderId = line.orderId();
        taken.orderLineId = line.orderLineId();
        taken.titleId = title.id;
        taken.siteCode = site.code;
        taken.quantity = line.quantity();
        taken.receivedOn = line.receivedOn();
        taken.processedAt = Instant.now();
        taken.persist();
    }

    private Title title(ItemsReceived line) {
        OrderedTitle ordered = line.title();
        if (ordered == null) {
            throw unreadable(line, "no title");
        }
        if (ordered.titleId() != null) {
            Optional<Title> byId = Title.<Title>findByIdOptional(ordered.titleId());
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<String> isbn13s = new ArrayList<>();
        for (String isbn : ordered.isbns() == null ? List.<String>of() : ordered.isbns()) {
            if (isbn != null) {
                Isbn.toIsbn13(isbn).ifPresent(isbn13s::add);
            }
        }
        if (!isbn13s.isEmpty()) {
            List<Title> byIsbn = Title.withAnyIsbn13(isbn13s);
            if (!byIsbn.isEmpty()) {
                return byIsbn.get(0);
            }
        }
        if (ordered.title() == null || ordered.title().isBlank()) {
            throw unreadable(line, ordered.titleId() != null ? "title " + ordered.titleId()
                    + " is not in the catalog and the line has no bibliographic data" : "no title");
        }
        // only the ISBNs that are valid: a wrong check digit on a vendor's line does not stop the books
        List<String> valid = ordered.isbns() == null ? List.of()
                : ordered.isbns().stream().filter(i -> i != null && Isbn.toIsbn13(i).isPresent()).toList();
        return titles.createImported(new TitleRequest(ordered.title().strip(), null, null, ordered.authors(), null,
                valid, null, null, ordered.publisher(), ordered.publicationYear(), null, null,
                ordered.materialType(), null, null, null, null, null, null, null), null, null, null);
    }

    private static UnreadableEventException unreadable(ItemsReceived line, String why) {
        return new UnreadableEventException("ItemsReceived line " + line.receiptLineId() + " cannot be taken in: "
                + why);
    }
}
