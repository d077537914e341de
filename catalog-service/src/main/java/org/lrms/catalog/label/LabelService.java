package org.lrms.catalog.label;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.catalog.copy.Copy;
import org.lrms.catalog.copy.CopyStatus;
import org.lrms.catalog.district.DistrictLists;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Selects the copies to label (site-scoped) and draws them. */
@ApplicationScoped
public class LabelService {

    static final int MAX_LABELS = 3000;

    @Inject
    SiteScope scope;

    @Inject
    DistrictLists lists;

    public byte[] labels(LabelRequest request) {
        LabelPdf.Kind kind = parse(LabelPdf.Kind.class, request.kind(), LabelPdf.Kind.BARCODE, "kind");
        LabelPdf.Symbology symbology = parse(LabelPdf.Symbology.class, request.symbology(),
                LabelPdf.Symbology.CODE128, "symbology");
        LabelLayout layout = LabelLayout.parse(request.layout()).orElseThrow(() -> ProblemException.badRequest(
                "layout", "AVERY_5160 or AVERY_5161"));
        int skip = request.skip() == null ? 0 : request.skip();
        if (skip >= layout.perSheet()) {
            throw ProblemException.badRequest("skip", "a " + layout + " sheet has " + layout.perSheet() + " labels");
        }
        List<Copy> copies = select(request);
        if (copies.isEmpty()) {
            throw ProblemException.unprocessable("no-copies", "no copies match; nothing to print");
        }
        if (copies.size() > MAX_LABELS) {
            throw ProblemException.unprocessable("too-many-labels", copies.size() + " copies match; print at most "
                    + MAX_LABELS + " at once");
        }
        List<LabelCopy> labels = copies.stream().map(c -> new LabelCopy(c.barcode, c.siteCode, c.title.title,
                c.title.firstAuthor(), c.callNumber)).toList();
        return LabelPdf.render(labels, layout, kind, symbology, skip);
    }

    private List<Copy> select(LabelRequest r) {
        int ways = (r.barcodes() != null && !r.barcodes().isEmpty() ? 1 : 0)
                + (r.barcodeFrom() != null || r.barcodeTo() != null ? 1 : 0)
                + (r.category() != null ? 1 : 0) + (r.addedSince() != null ? 1 : 0);
        if (ways != 1) {
            throw ProblemException.badRequest(null,
                    "choose copies one way: barcodes, barcodeFrom/barcodeTo, category or addedSince");
        }
        if (r.barcodes() != null && !r.barcodes().isEmpty()) {
            List<Copy> found = Copy.list("barcode in ?1 and status <> ?2", r.barcodes(), CopyStatus.WITHDRAWN);
            Map<String, Copy> byBarcode = new HashMap<>();
            found.forEach(c -> byBarcode.put(c.barcode, c));
            List<String> unknown = r.barcodes().stream().filter(b -> !byBarcode.containsKey(b)).distinct().toList();
            if (!unknown.isEmpty()) {
                // a sheet with holes where labels were expected is a sheet wasted: print all or nothing
                String named = String.join(", ", unknown.stream().limit(20).toList())
                        + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : "");
                String message = unknown.size() + " with no copy (or a withdrawn one): " + named;
                throw new ProblemException(422, "Request cannot be carried out", "unknown-barcodes",
                        "barcodes: " + message, List.of(new Problem.FieldError("barcodes", message)))
                        .with("unknownBarcodes", unknown);
            }
            List<Copy> ordered = new ArrayList<>();
            for (String barcode : r.barcodes()) {
                Copy c = byBarcode.get(barcode);
                scope.requireManage(c.siteCode);
                ordered.add(c);
            }
            return ordered;
        }
        if (r.siteCode() == null || r.siteCode().isBlank()) {
            throw ProblemException.badRequest("siteCode", "required with a range, a category or a date");
        }
        String site = r.siteCode().strip().toUpperCase(Locale.ROOT);
        scope.requireManage(site);
        if (r.category() != null) {
            String category = lists.requireActive(DistrictLists.Kind.COPY_CATEGORY, r.category(), "category");
            return Copy.getEntityManager().createNativeQuery("SELECT * FROM copy WHERE site_code = ?1"
                            + " AND ?2 = ANY(categories) AND status <> 'WITHDRAWN' ORDER BY shelf_key NULLS LAST, barcode"
                            + " LIMIT ?3", Copy.class)
                    .setParameter(1, site).setParameter(2, category).setParameter(3, MAX_LABELS + 1)
                    .getResultList();
        }
        if (r.addedSince() != null) {
            return Copy.find("siteCode = ?1 and createdAt >= ?2 and status <> ?3 order by shelfKey nulls last, barcode",
                    site,
                    r.addedSince().atStartOfDay().toInstant(ZoneOffset.UTC), CopyStatus.WITHDRAWN)
                    .page(0, MAX_LABELS + 1).list();
        }
        String from = r.barcodeFrom() == null ? "" : r.barcodeFrom().strip();
        String to = r.barcodeTo() == null ? "\uffff" : r.barcodeTo().strip();
        return Copy.find("siteCode = ?1 and barcode >= ?2 and barcode <= ?3 and status <> ?4 order by barcode",
                site, from, to, CopyStatus.WITHDRAWN).page(0, MAX_LABELS + 1).list();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, E fallback, String field) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
