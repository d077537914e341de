package org.lrms.catalog.marc;

import jakarta.enterprise.context.ApplicationScoped;
import org.lrms.catalog.title.Isbn;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Finds the existing title an imported record describes, so that an import matches instead of duplicating. */
@ApplicationScoped
public class TitleMatcher {

    public Optional<Title> match(MarcTitle record, MatchMode mode) {
        TitleRequest incoming = record.title();
        List<String> isbn13s = new ArrayList<>();
        if (incoming.isbns() != null) {
            incoming.isbns().forEach(i -> Isbn.toIsbn13(i).ifPresent(isbn13s::add));
        }
        // one indexed query for every identifier the record carries
        List<Title> candidates = Title.getEntityManager().createNativeQuery("SELECT * FROM title"
                        + " WHERE isbn13s && CAST(?1 AS text[]) OR lccn = ?2 OR issn = ?3 OR control_number = ?4"
                        + " ORDER BY created_at LIMIT 50", Title.class)
                .setParameter(1, isbn13s.toArray(String[]::new))
                .setParameter(2, incoming.lccn() == null ? "" : incoming.lccn().replace(" ", ""))
                .setParameter(3, incoming.issn() == null ? "" : incoming.issn())
                .setParameter(4, record.controlNumber() == null ? "" : record.controlNumber())
                .getResultList();
        if (mode == MatchMode.STRICT) {
            return candidates.stream()
                    .filter(t -> sameTitle(t.title, incoming.title())
                            && Objects.equals(t.materialType, incoming.materialType()))
                    .findFirst();
        }
        if (!candidates.isEmpty()) {
            return candidates.stream().findFirst();
        }
        if (incoming.publicationYear() == null || incoming.authors() == null || incoming.authors().isEmpty()) {
            return Optional.empty();
        }
        List<Title> sameYear = Title.list("lower(title) = ?1 and publicationYear = ?2",
                incoming.title().toLowerCase(Locale.ROOT), incoming.publicationYear());
        String author = normalize(incoming.authors().get(0));
        return sameYear.stream().filter(t -> t.firstAuthor() != null && normalize(t.firstAuthor()).equals(author))
                .findFirst();
    }

    static boolean sameTitle(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    /** Case, accents and punctuation do not make two titles different. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
