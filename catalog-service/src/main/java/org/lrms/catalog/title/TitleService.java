package org.lrms.catalog.title;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.events.catalog.TitleCreated;
import org.lrms.events.catalog.TitleDeleted;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.catalog.TitleUpdated;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
public class TitleService {

    @Inject
    Outbox outbox;

    @Inject
    Event<TitleChanged> changed;

    @Inject
    SiteScope scope;

    /**
     * A new title. Unless {@code allowDuplicate}, one whose ISBN (either form of the same book) or LCCN already
     * belongs to a title is a 409 {@code duplicate-title} naming that title and the field: the district's catalog
     * keeps one record per book, and staff who mean a second one (another edition catalogued alike) say so.
     */
    @Transactional
    public Title create(TitleRequest request, boolean allowDuplicate) {
        Title title = new Title();
        title.id = UUID.randomUUID();
        title.createdAt = Instant.now();
        apply(title, request);
        if (!allowDuplicate) {
            refuseDuplicate(null, title.isbn13s, title.lccn);
        }
        title.persist();
        outbox.publish(Topics.CATALOG_TITLES, null, title.id.toString(), new TitleCreated(snapshot(title)));
        return title;
    }

    /**
     * Replaces the title's fields. {@code ifMatch} (from {@code If-Match}) and the request's {@code version} are
     * both checked against the stored version before anything changes: 412 and 409 {@code version-conflict}. With
     * neither, the last writer wins (as before; the district's integrations send neither). A change committed between
     * this check and the commit still fails Hibernate's version check (409 {@code concurrent-change}).
     */
    @Transactional
    public Title update(UUID id, TitleRequest request, IfMatch ifMatch, boolean allowDuplicate) {
        Title title = get(id);
        requireMayChange(title);
        requireMatch(title, ifMatch);
        if (request.version() != null && request.version() != title.version) {
            throw ProblemException.conflict("version-conflict", "title " + id + " is at version " + title.version
                            + ", not " + request.version() + ": someone changed it since you read it; reload it")
                    .with("currentVersion", title.version);
        }
        if (!allowDuplicate) {
            // only what this change brings: a title that already shares an ISBN keeps it through other edits
            Map<String, String> isbns = checkedIsbns(request.isbns());
            List<String> added = isbns.keySet().stream().filter(i -> !title.isbn13s.contains(i)).toList();
            String lccn = Lccn.normalize(request.lccn());
            refuseDuplicate(id, added, lccn != null && !lccn.equals(title.lccn) ? lccn : null);
        }
        apply(title, request);
        title.updatedAt = Instant.now();
        outbox.publish(Topics.CATALOG_TITLES, null, title.id.toString(), new TitleUpdated(snapshot(title)));
        changed.fire(new TitleChanged(title));
        return title;
    }

    /**
     * A title with copies (even withdrawn ones, which the weeding log refers to) stays. Only district staff delete
     * titles ({@code TitleResource}), so the site rule of {@link #requireMayChange} does not apply here.
     */
    @Transactional
    public void delete(UUID id, IfMatch ifMatch) {
        Title title = get(id);
        requireMatch(title, ifMatch);
        long copies = ((Number) Title.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM copy WHERE title_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        if (copies > 0) {
            throw ProblemException.conflict("title-has-copies",
                    "title " + id + " has " + copies + " copies; withdraw or move them first").with("copies", copies);
        }
        title.delete();
        outbox.publish(Topics.CATALOG_TITLES, null, id.toString(), new TitleDeleted(id));
    }

    /** {@code If-Match} against the stored version, before anything changes: 412 {@code precondition-failed}. */
    private static void requireMatch(Title title, IfMatch ifMatch) {
        if (!ifMatch.matches(title.version)) {
            throw new ProblemException(412, "Precondition failed", "precondition-failed",
                    "title " + title.id + " is at version " + title.version + ", not the one If-Match names ("
                            + ifMatch + "); reload it and apply the change again")
                    .with("currentVersion", title.version).with("etag", IfMatch.etag(title.version));
        }
    }

    /**
     * Titles are shared district-wide: district staff change any; site staff only a title whose copies (those not
     * withdrawn: the sites holding it) are all at sites of their token, or that has none ({@link TitleEditor}). A
     * title other schools hold is theirs too (403 {@code title-shared}); site staff still add copies of it at their
     * own sites.
     */
    private void requireMayChange(Title title) {
        TitleEditor editor = TitleEditor.of(scope);
        if (editor.districtWide()) {
            return;
        }
        List<String> others = editor.othersOf(holdingSites(List.of(title.id)).getOrDefault(title.id, Set.of()));
        if (!others.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "title-shared", "title " + title.id
                    + " is shared with other sites (" + others.size() + " besides yours): district library staff"
                    + " can change it; you may still add copies at your site")
                    .with("otherSites", others.size());
        }
    }

    /** The sites holding each of these titles (with a copy that is not withdrawn); a title held nowhere is absent. */
    public Map<UUID, Set<String>> holdingSites(Collection<UUID> titleIds) {
        Map<UUID, Set<String>> held = new HashMap<>();
        if (titleIds.isEmpty()) {
            return held;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Title.getEntityManager().createNativeQuery(
                        "SELECT DISTINCT title_id, site_code FROM copy WHERE title_id = ANY(CAST(?1 AS uuid[]))"
                                + " AND status <> 'WITHDRAWN'")
                .setParameter(1, titleIds.toArray(UUID[]::new)).getResultList();
        rows.forEach(r -> held.computeIfAbsent((UUID) r[0], k -> new TreeSet<>()).add((String) r[1]));
        return held;
    }

    /**
     * 409 {@code duplicate-title} when one of these ISBN-13s or this LCCN belongs to a title other than
     * {@code self}. The identifiers are locked for the transaction first (advisory locks, in order), so that two
     * requests creating the same book at once cannot both find it missing.
     */
    private static void refuseDuplicate(UUID self, List<String> isbn13s, String lccn) {
        List<String> keys = new ArrayList<>();
        isbn13s.forEach(i -> keys.add("isbn:" + i));
        if (lccn != null) {
            keys.add("lccn:" + lccn);
        }
        if (keys.isEmpty()) {
            return;
        }
        Title.getEntityManager().createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))"
                        + " FROM (SELECT k FROM unnest(CAST(?1 AS text[])) AS k ORDER BY k) keys")
                .setParameter(1, keys.stream().sorted().toArray(String[]::new)).getSingleResult();
        for (Title other : Title.withAnyIsbn13(isbn13s)) {
            if (!other.id.equals(self)) {
                String isbn = isbn13s.stream().filter(other.isbn13s::contains).findFirst().orElseThrow();
                throw duplicate(other, "isbns", isbn, "ISBN " + isbn);
            }
        }
        if (lccn != null) {
            List<Title> same = Title.list("lccn = ?1 and id <> ?2", lccn, self == null ? new UUID(0, 0) : self);
            if (!same.isEmpty()) {
                throw duplicate(same.get(0), "lccn", lccn, "LCCN " + lccn);
            }
        }
    }

    private static ProblemException duplicate(Title existing, String field, String value, String what) {
        return ProblemException.conflict("duplicate-title", what + " already belongs to title " + existing.id
                        + " (\"" + existing.title + "\"); add copies to it, or send allowDuplicate=true to create"
                        + " another title anyway")
                .with("existingTitleId", existing.id).with("field", field).with("value", value);
    }

    /** A title read from a MARC record (the import's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Title createImported(TitleRequest request, String controlNumber, String controlNumberAgency,
                                String marcSource) {
        return createImported(request, controlNumber, controlNumberAgency, marcSource, List.of());
    }

    /** A title read from a MARC record, with the record's cancelled or invalid ISBNs (020 $z). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Title createImported(TitleRequest request, String controlNumber, String controlNumberAgency,
                                String marcSource, List<String> cancelledIsbns) {
        Title title = new Title();
        title.id = UUID.randomUUID();
        title.createdAt = Instant.now();
        apply(title, request);
        title.cancelledIsbns = new ArrayList<>(cancelledIsbns);
        title.controlNumber = controlNumber;
        title.controlNumberAgency = controlNumber == null ? null : controlNumberAgency;
        title.marcSource = marcSource;
        title.persist();
        outbox.publish(Topics.CATALOG_TITLES, null, title.id.toString(), new TitleCreated(snapshot(title)));
        return title;
    }

    /**
     * Merges a matching MARC record into a title: what the record has replaces the title's value, what it lacks
     * (local data such as reading level or a local call number) survives; ISBNs add up. Answers whether that changed
     * the title: a record the title already says (the same file imported again, a vendor's file sent twice) leaves it
     * as it was, with no new version, no update event and no copy republished. The title's copies are not republished
     * here: the import does it once per chunk for the titles that changed ({@code CopyService.republishCopiesOf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mergeImported(Title title, TitleRequest incoming, String controlNumber, String controlNumberAgency,
                                 String marcSource, List<String> cancelledIsbns) {
        List<String> isbns = new ArrayList<>(title.isbns);
        if (incoming.isbns() != null) {
            isbns.addAll(incoming.isbns());
        }
        TitleRequest merged = new TitleRequest(
                incoming.title(),
                or(incoming.subtitle(), title.subtitle),
                or(incoming.statementOfResponsibility(), title.statementOfResponsibility),
                orList(incoming.authors(), title.authors),
                orList(incoming.contributors(), title.contributors),
                isbns,
                or(incoming.issn(), title.issn),
                or(incoming.lccn(), title.lccn),
                or(incoming.publisher(), title.publisher),
                incoming.publicationYear() != null ? incoming.publicationYear() : title.publicationYear,
                or(incoming.edition(), title.edition),
                or(incoming.language(), title.language),
                incoming.materialType() != null ? incoming.materialType() : title.materialType,
                or(incoming.deweyNumber(), title.deweyNumber),
                or(incoming.callNumber(), title.callNumber),
                orList(incoming.subjects(), title.subjects),
                or(incoming.summary(), title.summary),
                or(incoming.readingLevel(), title.readingLevel),
                or(incoming.interestLevel(), title.interestLevel),
                or(incoming.series(), title.series));
        // worked out on a copy first: Hibernate tracks every field written, equal or not, and would write them all
        Title result = new Title();
        apply(result, merged);
        // the title keeps its own control number, with its agency; one without takes the record's
        result.controlNumber = title.controlNumber != null ? title.controlNumber : controlNumber;
        result.controlNumberAgency = title.controlNumber != null ? title.controlNumberAgency : controlNumberAgency;
        result.marcSource = marcSource;
        // cancelled ISBNs add up, as ISBNs do
        List<String> cancelled = new ArrayList<>(title.cancelledIsbns);
        cancelledIsbns.stream().filter(c -> !cancelled.contains(c)).forEach(cancelled::add);
        result.cancelledIsbns = cancelled;
        if (Imported.of(result).equals(Imported.of(title))) {
            return false;
        }
        apply(title, merged);
        title.controlNumber = result.controlNumber;
        title.controlNumberAgency = result.controlNumberAgency;
        title.marcSource = marcSource;
        title.cancelledIsbns = cancelled;
        outbox.publish(Topics.CATALOG_TITLES, null, title.id.toString(), new TitleUpdated(snapshot(title)));
        return true;
    }

    /** What a MARC record can give a title, to tell a merge that changes it from one that does not. */
    private record Imported(String title, String subtitle, String statementOfResponsibility, List<String> authors,
                            List<Contributor> contributors, List<String> isbns, List<String> isbn13s, String issn,
                            String lccn, String controlNumber, String publisher, Integer publicationYear,
                            String edition, String language, String materialType, String deweyNumber,
                            String callNumber, List<String> subjects, String summary, String readingLevel,
                            String interestLevel, String series, String marcSource, List<String> cancelledIsbns) {
        static Imported of(Title t) {
            return new Imported(t.title, t.subtitle, t.statementOfResponsibility, t.authors, t.contributors,
                    t.isbns, t.isbn13s, t.issn, t.lccn, t.controlNumber, t.publisher, t.publicationYear, t.edition,
                    t.language, t.materialType, t.deweyNumber, t.callNumber, t.subjects, t.summary, t.readingLevel,
                    t.interestLevel, t.series, t.marcSource, t.cancelledIsbns);
        }
    }

    private static String or(String incoming, String existing) {
        return incoming != null && !incoming.isBlank() ? incoming : existing;
    }

    private static <T> List<T> orList(List<T> incoming, List<T> existing) {
        return incoming != null && !incoming.isEmpty() ? incoming : existing;
    }

    public Title get(UUID id) {
        Title title = Title.findById(id);
        if (title == null) {
            throw ProblemException.notFound("title", id.toString());
        }
        return title;
    }

    /** Titles with this ISBN, whether asked for in its ISBN-10 or ISBN-13 form. */
    public List<Title> findByIsbn(String isbn) {
        return Isbn.toIsbn13(isbn).map(i -> Title.withAnyIsbn13(List.of(i)))
                .orElseThrow(() -> ProblemException.badRequest("isbn", "not a valid ISBN-10 or ISBN-13"));
    }

    /** Copies the request onto the record: every bibliographic field is the request's (a full replacement). */
    static void apply(Title title, TitleRequest request) {
        title.title = request.title().strip();
        title.subtitle = blankToNull(request.subtitle());
        title.statementOfResponsibility = blankToNull(request.statementOfResponsibility());
        title.authors = request.authors() == null ? new ArrayList<>() : new ArrayList<>(request.authors());
        title.contributors = request.contributors() == null ? new ArrayList<>()
                : new ArrayList<>(request.contributors());
        Map<String, String> isbns = checkedIsbns(request.isbns());
        title.isbns = new ArrayList<>(isbns.values());
        title.isbn13s = new ArrayList<>(isbns.keySet());
        title.issn = blankToNull(request.issn());
        title.lccn = Lccn.normalize(request.lccn());
        title.publisher = blankToNull(request.publisher());
        title.publicationYear = request.publicationYear();
        title.edition = blankToNull(request.edition());
        // MARC language codes are lower case (as MarcMapper reads them from 008): "ENG" is stored, found and faceted
        // as "eng"
        title.language = blankToNull(request.language()) == null ? null
                : request.language().strip().toLowerCase(Locale.ROOT);
        title.materialType = request.materialType() == null ? MaterialType.BOOK.name()
                : MaterialType.parse(request.materialType()).orElseThrow(() -> ProblemException.badRequest(
                        "materialType", "must be one of " + MaterialType.allowed())).name();
        title.deweyNumber = blankToNull(request.deweyNumber());
        title.callNumber = blankToNull(request.callNumber());
        title.subjects = request.subjects() == null ? new ArrayList<>() : new ArrayList<>(request.subjects());
        title.summary = blankToNull(request.summary());
        title.readingLevel = blankToNull(request.readingLevel());
        title.interestLevel = blankToNull(request.interestLevel());
        title.series = blankToNull(request.series());
        title.updatedAt = Instant.now();
    }

    /** ISBN-13 → ISBN as entered (normalized); one entry per book, whichever form came first. */
    static Map<String, String> checkedIsbns(List<String> raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null) {
            return result;
        }
        for (int i = 0; i < raw.size(); i++) {
            String isbn = Isbn.normalize(raw.get(i));
            String isbn13 = Isbn.toIsbn13(isbn).orElseThrow(() -> ProblemException.badRequest(
                    "isbns", "'" + isbn + "' is not a valid ISBN-10 or ISBN-13 (check digit)"));
            result.putIfAbsent(isbn13, isbn);
        }
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static TitleSnapshot snapshot(Title t) {
        return new TitleSnapshot(t.id, t.title, t.subtitle, List.copyOf(t.authors), List.copyOf(t.isbns),
                t.publisher, t.publicationYear, t.materialType, t.deweyNumber, t.callNumber, t.language,
                List.copyOf(t.subjects), t.readingLevel, t.series);
    }
}
