package org.lrms.catalog.district;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * District-defined lists of codes: withdrawal reasons, disposal methods and copy categories. District staff keep them;
 * copies and the weeding log may only use active codes.
 */
@ApplicationScoped
public class DistrictLists {

    public enum Kind {
        WITHDRAWAL_REASON("withdrawal-reasons"), DISPOSAL_METHOD("disposal-methods"), COPY_CATEGORY("copy-categories");

        public final String path;

        Kind(String path) {
            this.path = path;
        }

        public static Optional<Kind> ofPath(String path) {
            return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
        }
    }

    public record Term(String code, String label, boolean active) {
    }

    @Inject
    EntityManager em;

    public List<Term> list(Kind kind) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT code, label, active FROM district_term WHERE kind = ?1 ORDER BY code")
                .setParameter(1, kind.name()).getResultList();
        return rows.stream().map(r -> new Term((String) r[0], (String) r[1], (Boolean) r[2])).toList();
    }

    @Transactional
    public Term put(Kind kind, String code, String label, boolean active) {
        String normalized = normalize(code);
        if (!normalized.matches("[A-Z0-9_]{1,40}")) {
            throw ProblemException.badRequest("code", "letters, digits and _ only, at most 40");
        }
        em.createNativeQuery("INSERT INTO district_term (kind, code, label, active) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (kind, code) DO UPDATE SET label = EXCLUDED.label, active = EXCLUDED.active")
                .setParameter(1, kind.name()).setParameter(2, normalized).setParameter(3, label.strip())
                .setParameter(4, active).executeUpdate();
        return new Term(normalized, label.strip(), active);
    }

    /** The active code matching {@code raw} (case-insensitive), or a 400 naming {@code field}. */
    public String requireActive(Kind kind, String raw, String field) {
        String code = normalize(raw);
        Number found = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM district_term WHERE kind = ?1 AND code = ?2 AND active")
                .setParameter(1, kind.name()).setParameter(2, code).getSingleResult();
        if (found.intValue() == 0) {
            throw ProblemException.badRequest(field, "'" + raw + "' is not one of the district's "
                    + kind.path + " " + list(kind).stream().filter(Term::active).map(Term::code).toList());
        }
        return code;
    }

    private static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
