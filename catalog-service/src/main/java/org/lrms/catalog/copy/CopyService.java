package org.lrms.catalog.copy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.lrms.catalog.district.DistrictLists;
import org.lrms.catalog.site.Site;
import org.lrms.catalog.site.Sites;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleChanged;
import org.lrms.catalog.title.TitleService;
import org.lrms.events.Topics;
import org.lrms.events.catalog.CopyAdded;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.CopyStatusChanged;
import org.lrms.events.catalog.CopyUpdated;
import org.lrms.events.catalog.CopyWithdrawn;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Adds, changes, moves and withdraws copies; every write is site-scoped and published through the outbox. */
@ApplicationScoped
public class CopyService {

    @Inject
    TitleService titles;

    @Inject
    CopyLookup lookup;

    @Inject
    Sites sites;

    @Inject
    DistrictLists lists;

    @Inject
    SiteScope scope;

    @Inject
    Outbox outbox;

    /** Adds copies of a title, all or none. {@code fieldPrefix} is "" for one copy, "[i]." per copy of a list. */
    @Transactional
    public List<Copy> add(UUID titleId, List<CopyRequest> requests) {
        Title title = titles.get(titleId);
        Set<String> batchBarcodes = new HashSet<>();
        List<Copy> added = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String prefix = requests.size() == 1 ? "" : "[" + i + "].";
            added.add(addOne(title, requests.get(i), prefix, batchBarcodes));
        }
        try {
            // the copies are written now, not at commit: a barcode another request took since the check above
            // (two desks adding the same barcode at once) is then a unique violation here, answered 409 naming it,
            // instead of a failed commit (500)
            Copy.flush();
        } catch (PersistenceException e) {
            throw takenMeanwhile(e, added).orElseThrow(() -> e);
        }
        return added;
    }

    /**
     * The unique violation of a barcode, as the duplicate-barcode problem of the request's copies. Which barcode was
     * taken is not in the error: the driver runs with {@code logServerErrorDetail=false}, so its message quotes no
     * value; one copy is named, several are listed.
     */
    private static Optional<ProblemException> takenMeanwhile(PersistenceException e, List<Copy> added) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "copy_barcode_unique".equals(violation.getConstraintName())) {
                return Optional.of(duplicateBarcode(added.stream().map(c -> c.barcode)
                        .collect(java.util.stream.Collectors.joining(", ")), "barcode"));
            }
        }
        return Optional.empty();
    }

    /**
     * A copy described by an imported record's holdings, in the import's transaction. The import checked that its
     * caller manages the site before it began: it may go on after the request (an import answered 202).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Copy addImported(Title title, CopyRequest request) {
        return addOne(title, request, "", new HashSet<>(), false);
    }

    /**
     * A copy received on an acquisitions receipt line, in the consumer's transaction: no caller's scope (the
     * receipt's producer owns it), and the copy remembers its receipt line.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Copy addReceived(Title title, CopyRequest request, Set<String> batchBarcodes, UUID receiptLineId) {
        Copy copy = addOne(title, request, "", batchBarcodes, false);
        copy.receiptLineId = receiptLineId;
        return copy;
    }

    private Copy addOne(Title title, CopyRequest request, String prefix, Set<String> batchBarcodes) {
        return addOne(title, request, prefix, batchBarcodes, true);
    }

    private Copy addOne(Title title, CopyRequest request, String prefix, Set<String> batchBarcodes, boolean scoped) {
        Site site = sites.requireActive(request.siteCode(), prefix + "siteCode");
        if (scoped) {
            scope.requireManage(site.code);
        }
        CopyStatus status = request.status() == null ? CopyStatus.AVAILABLE
                : CopyStatus.parse(request.status()).filter(CopyStatus.INITIAL::contains)
                .orElseThrow(() -> ProblemException.badRequest(prefix + "status", "a new copy is "
                        + CopyStatus.INITIAL));
        String barcode = request.barcode() == null ? nextBarcode(site.code, prefix) : request.barcode().strip();
        if (!batchBarcodes.add(barcode) || Copy.barcodeTaken(barcode)) {
            throw duplicateBarcode(barcode, prefix + "barcode");
        }
        Copy copy = new Copy();
        copy.id = UUID.randomUUID();
        copy.title = title;
        copy.barcode = barcode;
        copy.siteCode = site.code;
        copy.status = status;
        copy.callNumber = request.callNumber() != null ? request.callNumber()
                : title.callNumber != null ? title.callNumber : title.deweyNumber;
        copy.shelfLocation = request.shelfLocation();
        copy.price = request.price();
        copy.acquiredOn = request.acquiredOn();
        copy.fundingSource = request.fundingSource();
        copy.condition = request.condition();
        copy.categories = categories(request.categories(), prefix + "categories");
        copy.circulationType = request.circulationType() == null ? "REGULAR"
                : request.circulationType().strip().toUpperCase(java.util.Locale.ROOT);
        copy.createdAt = Instant.now();
        copy.updatedAt = copy.createdAt;
        copy.persist();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(), new CopyAdded(snapshot(copy)));
        return copy;
    }

    /** The copy, when the caller may see its site's staff data; answered on the event loop ({@link CopyLookup}). */
    public Uni<CopyView> get(String barcode) {
        return lookup.byBarcode(barcode).map(found -> {
            CopyView copy = found.orElseThrow(() -> ProblemException.notFound("copy", barcode));
            scope.requireManage(copy.siteCode());
            return copy;
        });
    }

    public List<Copy> ofTitle(UUID titleId) {
        titles.get(titleId);
        return scope.staffSites()
                .map(s -> s.isEmpty() ? List.<Copy>of()
                        : Copy.<Copy>list("title.id = ?1 and siteCode in ?2 order by siteCode, barcode", titleId, s))
                .orElseGet(() -> Copy.list("title.id = ?1 order by siteCode, barcode", titleId));
    }

    @Transactional
    public Copy change(String barcode, CopyChange change) {
        Copy copy = find(barcode);
        scope.requireManage(copy.siteCode);
        requireNotWithdrawn(copy);
        if (change.callNumber() != null) {
            copy.callNumber = change.callNumber();
        }
        if (change.shelfLocation() != null) {
            copy.shelfLocation = change.shelfLocation();
        }
        if (change.price() != null) {
            copy.price = change.price();
        }
        if (change.acquiredOn() != null) {
            copy.acquiredOn = change.acquiredOn();
        }
        if (change.fundingSource() != null) {
            copy.fundingSource = change.fundingSource();
        }
        if (change.condition() != null) {
            copy.condition = change.condition();
        }
        if (change.categories() != null) {
            copy.categories = categories(change.categories(), "categories");
        }
        if (change.circulationType() != null) {
            copy.circulationType = change.circulationType().strip().toUpperCase(java.util.Locale.ROOT);
        }
        CopyStatus previous = copy.status;
        if (change.status() != null) {
            CopyStatus next = CopyStatus.parse(change.status()).filter(CopyStatus.SET_BY_STAFF::contains)
                    .orElseThrow(() -> ProblemException.badRequest("status", "staff may set " + CopyStatus.SET_BY_STAFF
                            + "; loans, transfers and withdrawal set the others"));
            if (previous == CopyStatus.CHECKED_OUT && next != previous) {
                throw ProblemException.conflict("copy-on-loan",
                        "copy " + barcode + " is checked out; check it in at the desk first");
            }
            copy.status = next;
        }
        copy.updatedAt = Instant.now();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(), previous == copy.status
                ? new CopyUpdated(snapshot(copy))
                : new CopyStatusChanged(snapshot(copy), previous.name(), "changed by staff"));
        return copy;
    }

    /** Sends a copy to another site (e.g. from central processing at DISTRICT to a school): it is in transit. */
    @Transactional
    public Copy send(String barcode, String toSiteCode) {
        Copy copy = find(barcode);
        scope.requireManage(copy.siteCode);
        Site destination = sites.requireActive(toSiteCode, "toSiteCode");
        if (destination.code.equals(copy.siteCode)) {
            throw ProblemException.badRequest("toSiteCode", "the copy is already at " + destination.code);
        }
        if (copy.status != CopyStatus.AVAILABLE && copy.status != CopyStatus.IN_PROCESSING) {
            throw ProblemException.conflict("copy-not-on-shelf",
                    "copy " + barcode + " is " + copy.status + "; only an available or in-processing copy is sent");
        }
        CopyStatus previous = copy.status;
        copy.status = CopyStatus.IN_TRANSIT;
        copy.destinationSite = destination.code;
        copy.holdId = null;
        copy.updatedAt = Instant.now();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(),
                new CopyStatusChanged(snapshot(copy), previous.name(), "sent to " + destination.code));
        return copy;
    }

    /** The destination site receives a copy in transit: it now belongs there and is available. */
    @Transactional
    public Copy receive(String barcode) {
        Copy copy = find(barcode);
        if (copy.status != CopyStatus.IN_TRANSIT || copy.destinationSite == null) {
            scope.requireManage(copy.siteCode);
            throw ProblemException.conflict("copy-not-in-transit", "copy " + barcode + " is not being sent anywhere");
        }
        scope.requireManage(copy.destinationSite);
        if (copy.holdId != null) {
            throw ProblemException.conflict("copy-travels-for-hold", "copy " + barcode + " travels to "
                    + copy.destinationSite + " for a hold; check it in at the circulation desk there");
        }
        String from = copy.siteCode;
        copy.siteCode = copy.destinationSite;
        copy.destinationSite = null;
        copy.status = CopyStatus.AVAILABLE;
        copy.updatedAt = Instant.now();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(),
                new CopyStatusChanged(snapshot(copy), CopyStatus.IN_TRANSIT.name(), "received from " + from));
        return copy;
    }

    /** Withdraws one copy or a batch, all or none; each stays in the weeding log. */
    @Transactional
    public List<WeedingLogEntry> withdraw(List<String> barcodes, WithdrawRequest request) {
        String reason = lists.requireActive(DistrictLists.Kind.WITHDRAWAL_REASON, request.reason(), "reason");
        String disposal = lists.requireActive(DistrictLists.Kind.DISPOSAL_METHOD, request.disposalMethod(),
                "disposalMethod");
        List<WeedingLogEntry> log = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < barcodes.size(); i++) {
            String field = barcodes.size() == 1 ? "barcode" : "barcodes[" + i + "]";
            String barcode = barcodes.get(i).strip();
            if (!seen.add(barcode)) {
                continue;
            }
            Copy copy = Copy.byBarcode(barcode).orElseThrow(() -> new ProblemException(422,
                    "Request cannot be carried out", "unknown-copy", field + ": no copy has barcode " + barcode,
                    List.of(new Problem.FieldError(field, "unknown barcode"))));
            scope.requireManage(copy.siteCode);
            requireNotWithdrawn(copy);
            if (copy.status == CopyStatus.CHECKED_OUT) {
                throw ProblemException.conflict("copy-on-loan", field + ": copy " + barcode
                        + " is checked out; check it in or declare it lost first").with("barcode", barcode);
            }
            log.add(withdrawOne(copy, reason, disposal, request.note()));
        }
        return log;
    }

    private WeedingLogEntry withdrawOne(Copy copy, String reason, String disposal, String note) {
        CopyStatus previous = copy.status;
        copy.status = CopyStatus.WITHDRAWN;
        copy.destinationSite = null;
        copy.updatedAt = Instant.now();
        WeedingLogEntry entry = new WeedingLogEntry();
        entry.id = UUID.randomUUID();
        entry.copyId = copy.id;
        entry.barcode = copy.barcode;
        entry.titleId = copy.title.id;
        entry.title = copy.title.title;
        entry.siteCode = copy.siteCode;
        entry.callNumber = copy.callNumber;
        entry.price = copy.price;
        entry.previousStatus = previous.name();
        entry.reason = reason;
        entry.disposalMethod = disposal;
        entry.note = note;
        entry.withdrawnBy = scope.userName();
        entry.withdrawnAt = copy.updatedAt;
        entry.persist();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(),
                new CopyWithdrawn(snapshot(copy), reason, disposal, note));
        return entry;
    }

    /** An inventory found a copy missing, or found a missing one again (the inventory's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyInventoryStatus(Copy copy, CopyStatus next, String reason) {
        if (copy.status == next) {
            return;
        }
        CopyStatus previous = copy.status;
        copy.status = next;
        copy.updatedAt = Instant.now();
        outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(),
                new CopyStatusChanged(snapshot(copy), previous.name(), reason));
    }

    /** The title's data changed: its copies' snapshots (title, author, material type...) are published again. */
    void onTitleChanged(@Observes TitleChanged event) {
        republishCopiesOf(List.of(event.title().id), Set.of());
    }

    /**
     * Publishes again the snapshots of the copies of these titles (not withdrawn), except {@code upToDate} (copies
     * published since their title last changed): one query for all the titles, e.g. a MARC import's chunk of merges.
     * Copies not yet flushed are not seen: the caller flushes first when it added some.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void republishCopiesOf(Collection<UUID> titleIds, Set<UUID> upToDate) {
        if (titleIds.isEmpty()) {
            return;
        }
        List<Copy> ofTitles = Copy.list("title.id in ?1 and status <> ?2 order by title.id, barcode", titleIds,
                CopyStatus.WITHDRAWN);
        for (Copy copy : ofTitles) {
            if (!upToDate.contains(copy.id)) {
                outbox.publish(Topics.CATALOG_COPIES, copy.siteCode, copy.id.toString(),
                        new CopyUpdated(snapshot(copy)));
            }
        }
    }

    /** Sets the site's range of automatic barcodes (district staff). */
    @Transactional
    public BarcodeRange setRange(String siteCode, String prefix, long first, long last, int digits) {
        scope.requireDistrict();
        Site site = sites.requireActive(siteCode, "siteCode");
        if (last < first) {
            throw ProblemException.badRequest("lastNumber", "must not be below firstNumber");
        }
        if (String.valueOf(last).length() > digits) {
            throw ProblemException.badRequest("digits", "too few for " + last);
        }
        if (!(prefix + "0").matches(CopyRequest.BARCODE)) {
            throw ProblemException.badRequest("prefix", "letters, digits, '-' or '.' only");
        }
        BarcodeRange range = BarcodeRange.findById(site.code);
        if (range == null) {
            range = new BarcodeRange();
            range.siteCode = site.code;
        }
        range.prefix = prefix;
        range.nextNumber = first;
        range.lastNumber = last;
        range.digits = digits;
        range.persist();
        return range;
    }

    private String nextBarcode(String siteCode, String prefix) {
        BarcodeRange range = BarcodeRange.findById(siteCode, LockModeType.PESSIMISTIC_WRITE);
        if (range == null) {
            throw ProblemException.unprocessable("no-barcode-range",
                    prefix + "barcode: site " + siteCode + " has no barcode range; give a barcode");
        }
        while (!range.exhausted()) {
            String barcode = range.take();
            if (!Copy.barcodeTaken(barcode)) {
                return barcode;
            }
        }
        throw ProblemException.unprocessable("barcode-range-exhausted",
                prefix + "barcode: the barcode range of site " + siteCode + " is used up");
    }

    private List<String> categories(List<String> raw, String field) {
        List<String> result = new ArrayList<>();
        if (raw != null) {
            for (String category : raw) {
                String code = lists.requireActive(DistrictLists.Kind.COPY_CATEGORY, category, field);
                if (!result.contains(code)) {
                    result.add(code);
                }
            }
        }
        return result;
    }

    private static Copy find(String barcode) {
        return Copy.byBarcode(barcode).orElseThrow(() -> ProblemException.notFound("copy", barcode));
    }

    private static void requireNotWithdrawn(Copy copy) {
        if (copy.status == CopyStatus.WITHDRAWN) {
            throw ProblemException.conflict("copy-withdrawn", "copy " + copy.barcode + " was withdrawn");
        }
    }

    private static ProblemException duplicateBarcode(String barcode, String field) {
        return new ProblemException(409, "Conflict", "duplicate-barcode", field + ": barcode " + barcode
                + " is already taken", List.of(new Problem.FieldError(field, "already taken")));
    }

    public static CopySnapshot snapshot(Copy c) {
        Title t = c.title;
        return new CopySnapshot(c.id, c.barcode, t.id, t.title, t.firstAuthor(), c.siteCode, c.status.name(),
                c.circulationType, t.materialType, t.deweyNumber, c.callNumber, c.shelfLocation, c.price,
                c.acquiredOn, c.fundingSource, c.condition, List.copyOf(c.categories), t.publicationYear, c.shelfKey);
    }
}
