package org.lrms.catalog.marc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lrms.catalog.title.Isbn;
import org.lrms.catalog.title.Lccn;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Finds the existing title an imported record describes, so that an import matches instead of duplicating.
 * <p>
 * A chunk of records is matched with one query for every identifier of the chunk (ISBNs, LCCNs, ISSNs, control
 * numbers) and, in relaxed mode, one more for the title and year of the records no identifier found; the rest is done
 * in memory by {@link Chunk#match}, which also sees the titles the chunk itself created or changed before.
 */
@ApplicationScoped
public class TitleMatcher {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    EntityManager em;

    /** The titles the chunk's records may match, loaded at once. */
    public Chunk load(List<MarcTitle> records, MatchMode mode) {
        Set<String> isbn13s = new LinkedHashSet<>();
        Set<String> lccns = new LinkedHashSet<>();
        Set<String> issns = new LinkedHashSet<>();
        Set<String> controlNumbers = new LinkedHashSet<>();
        Chunk chunk = new Chunk(mode);
        for (MarcTitle record : records) {
            Identifiers ids = chunk.identifiers(record);
            isbn13s.addAll(ids.isbn13s());
            if (ids.lccn() != null) {
                lccns.add(ids.lccn());
            }
            if (ids.issn() != null) {
                issns.add(ids.issn());
            }
            if (ids.controlNumber() != null) {
                controlNumbers.add(ids.controlNumber());
            }
        }
        // The matching queries are index probes, but with hundreds of ISBNs at once the planner's estimate is so high
        // (the ISBN index has no statistics worth the name: every ISBN is rare) that it would read the whole table
        // with parallel workers, after JIT-compiling the plan (1.5 s a chunk at a million titles instead of a few
        // milliseconds). For this chunk's transaction only, it uses the indexes, in one process, compiled nothing.
        em.createNativeQuery("SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),"
                        + " set_config('max_parallel_workers_per_gather', '0', true)")
                .getSingleResult();
        if (!(isbn13s.isEmpty() && lccns.isEmpty() && issns.isEmpty() && controlNumbers.isEmpty())) {
            chunk.add(titles("SELECT * FROM title WHERE isbn13s && CAST(?1 AS text[])"
                    + " OR lccn = ANY(CAST(?2 AS text[])) OR issn = ANY(CAST(?3 AS text[]))"
                    + " OR control_number = ANY(CAST(?4 AS text[])) ORDER BY created_at, id",
                    isbn13s, lccns, issns, controlNumbers));
        }
        if (mode == MatchMode.RELAXED) {
            Set<String> lowerTitles = new LinkedHashSet<>();
            Set<Integer> years = new LinkedHashSet<>();
            for (MarcTitle record : records) {
                TitleRequest incoming = record.title();
                if (chunk.byIdentifier(record).isEmpty() && relaxedCandidate(incoming)) {
                    lowerTitles.add(incoming.title().toLowerCase(Locale.ROOT));
                    years.add(incoming.publicationYear());
                }
            }
            if (!lowerTitles.isEmpty()) {
                chunk.add(titles("SELECT * FROM title WHERE lower(title) = ANY(CAST(?1 AS text[]))"
                        + " AND publication_year = ANY(CAST(?2 AS integer[])) ORDER BY created_at, id",
                        lowerTitles, years));
            }
        }
        return chunk;
    }

    @SuppressWarnings("unchecked")
    private List<Title> titles(String sql, Collection<?>... arrays) {
        var query = em.createNativeQuery(sql, Title.class);
        for (int i = 0; i < arrays.length; i++) {
            Collection<?> values = arrays[i];
            query.setParameter(i + 1, values.stream().allMatch(String.class::isInstance)
                    ? values.toArray(String[]::new) : values.toArray(Integer[]::new));
        }
        return query.getResultList();
    }

    /** Relaxed matching by title needs a year and a main author to compare. */
    private static boolean relaxedCandidate(TitleRequest incoming) {
        return incoming.publicationYear() != null && incoming.authors() != null && !incoming.authors().isEmpty();
    }

    /**
     * The titles of one chunk: those loaded for it, oldest first, then those it created, in order; and each title
     * under each of its identifiers, so that a record finds its candidates with a few look-ups rather than by
     * comparing itself with every title of the chunk (that loop was about a seventh of a matched import's writing).
     */
    public static final class Chunk {

        private final MatchMode mode;
        /** Each title and its place in the chunk's order. */
        private final Map<UUID, Integer> order = new HashMap<>();
        private final Map<UUID, Title> titles = new LinkedHashMap<>();
        /** The chunk's titles under each identifier they held when added or merged ("isbn:", "lccn:"...). */
        private final Map<String, List<Title>> byKey = new HashMap<>();
        /** Each record's identifiers, worked out once (ISBN-13 forms, the normalized LCCN) for the load and the match. */
        private final Map<MarcTitle, Identifiers> identifiers = new IdentityHashMap<>();

        Chunk(MatchMode mode) {
            this.mode = mode;
        }

        void add(List<Title> loaded) {
            loaded.forEach(this::created);
        }

        /** The ids of the chunk's titles so far (right after loading: the candidates it found). */
        public Set<UUID> titleIds() {
            return Set.copyOf(titles.keySet());
        }

        /** A title the chunk created: the chunk's next records may match it. */
        public void created(Title title) {
            if (titles.putIfAbsent(title.id, title) == null) {
                order.put(title.id, order.size());
            }
            index(title);
        }

        /** A title a record was merged into: the chunk's next records may match it by what the merge gave it. */
        public void merged(Title title) {
            index(title);
        }

        private void index(Title title) {
            for (String key : Identifiers.of(title).keys()) {
                keyed(key, title);
            }
        }

        private void keyed(String key, Title title) {
            List<Title> held = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!held.contains(title)) {
                held.add(title);
            }
        }

        /**
         * Strict: same identifier and same title and material type. Relaxed: same identifier alone, or else same
         * title (case aside), year and main author.
         */
        public Optional<Title> match(MarcTitle record) {
            TitleRequest incoming = record.title();
            List<Title> candidates = byIdentifier(record);
            if (mode == MatchMode.STRICT) {
                return candidates.stream()
                        .filter(t -> sameTitle(t.title, incoming.title())
                                && Objects.equals(t.materialType, incoming.materialType()))
                        .findFirst();
            }
            if (!candidates.isEmpty()) {
                return Optional.of(candidates.get(0));
            }
            if (!relaxedCandidate(incoming)) {
                return Optional.empty();
            }
            String lowerTitle = incoming.title().toLowerCase(Locale.ROOT);
            String author = normalize(incoming.authors().get(0));
            return titles.values().stream()
                    .filter(t -> t.title != null && t.title.toLowerCase(Locale.ROOT).equals(lowerTitle)
                            && incoming.publicationYear().equals(t.publicationYear)
                            && t.firstAuthor() != null && normalize(t.firstAuthor()).equals(author))
                    .findFirst();
        }

        Identifiers identifiers(MarcTitle record) {
            return identifiers.computeIfAbsent(record, Identifiers::of);
        }

        /**
         * The chunk's titles holding one of the record's identifiers now, in the chunk's order. The index is kept on
         * every creation and merge; a title whose identifier a merge replaced stays under the old one too, so what
         * the index offers is checked against the title as it is.
         */
        List<Title> byIdentifier(MarcTitle record) {
            Identifiers ids = identifiers(record);
            List<Title> offered = new ArrayList<>();
            for (String key : ids.keys()) {
                offered.addAll(byKey.getOrDefault(key, List.of()));
            }
            List<Title> found = new ArrayList<>(offered.size());
            for (Title t : offered) {
                if (!found.contains(t) && holds(t, ids)) {
                    found.add(t);
                }
            }
            found.sort(Comparator.comparingInt(t -> order.get(t.id)));
            return found;
        }

        private static boolean holds(Title t, Identifiers ids) {
            // a control number is only unique within its agency: two vendors may both number a record "123"
            return ids.controlNumber() != null && ids.controlNumber().equals(t.controlNumber)
                    && Objects.equals(ids.controlNumberAgency(), t.controlNumberAgency)
                    || ids.lccn() != null && ids.lccn().equals(t.lccn)
                    || ids.issn() != null && ids.issn().equals(t.issn)
                    || sharesAny(t.isbn13s, ids.isbn13s());
        }

        private static boolean sharesAny(Collection<String> held, Set<String> wanted) {
            if (held == null || wanted.isEmpty()) {
                return false;
            }
            for (String isbn : held) {
                if (wanted.contains(isbn)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a record is matched by, in the forms the title table keeps. */
    record Identifiers(Set<String> isbn13s, String lccn, String issn, String controlNumber,
                       String controlNumberAgency) {

        static Identifiers of(MarcTitle record) {
            TitleRequest incoming = record.title();
            Set<String> isbn13s = new LinkedHashSet<>();
            if (incoming.isbns() != null) {
                incoming.isbns().forEach(i -> Isbn.toIsbn13(i).ifPresent(isbn13s::add));
            }
            return new Identifiers(isbn13s, Lccn.normalize(incoming.lccn()), blankToNull(incoming.issn()),
                    blankToNull(record.controlNumber()), blankToNull(record.controlNumberAgency()));
        }

        /** What a title holds now, in the same forms. */
        static Identifiers of(Title title) {
            return new Identifiers(title.isbn13s == null ? Set.of() : new LinkedHashSet<>(title.isbn13s), title.lccn,
                    title.issn, title.controlNumber, title.controlNumberAgency);
        }

        /** The keys a chunk indexes its titles by and a record looks them up by. */
        List<String> keys() {
            List<String> keys = new ArrayList<>(isbn13s.size() + 3);
            if (controlNumber != null) {
                keys.add("control:" + (controlNumberAgency == null ? "" : controlNumberAgency) + "|" + controlNumber);
            }
            if (lccn != null) {
                keys.add("lccn:" + lccn);
            }
            if (issn != null) {
                keys.add("issn:" + issn);
            }
            for (String isbn : isbn13s) {
                keys.add("isbn:" + isbn);
            }
            return keys;
        }

        private static String blankToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }

    static boolean sameTitle(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** Case, accents and punctuation do not make two titles different. */
    static String normalize(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_A_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
