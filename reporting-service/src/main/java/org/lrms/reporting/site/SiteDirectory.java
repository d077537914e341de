package org.lrms.reporting.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The sites reporting knows: upserted by circulation, or first seen as the site of any event. */
@ApplicationScoped
public class SiteDirectory {

    static final Pattern SITE_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    @Inject
    EntityManager em;

    public static boolean isSiteCode(String code) {
        return code != null && SITE_CODE.matcher(code).matches();
    }

    /**
     * Remembers the sites seen on a batch's events (one statement, in code order); their names come later with
     * SiteUpserted. Codes that are not site codes are left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(Collection<String> siteCodes) {
        String[] codes = siteCodes.stream().filter(Objects::nonNull).map(c -> c.toUpperCase(Locale.ROOT))
                .filter(SiteDirectory::isSiteCode).distinct().sorted().toArray(String[]::new);
        if (codes.length == 0) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO site (site_code) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")) {
                insert.setArray(1, connection.createArrayOf("text", codes));
                insert.executeUpdate();
            }
        });
    }

    /** The codes among {@code codes} that no event has named. */
    @Transactional
    public Set<String> unknown(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("SELECT site_code FROM site WHERE site_code IN (:codes)")
                .setParameter("codes", codes)
                .getResultList();
        Set<String> unknown = new HashSet<>(codes);
        unknown.removeAll(known);
        return unknown;
    }
}
