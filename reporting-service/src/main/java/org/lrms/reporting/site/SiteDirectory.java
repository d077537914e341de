package org.lrms.reporting.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** Remembers a site seen on an event; its name comes later with SiteUpserted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(String siteCode) {
        if (siteCode == null) {
            return;
        }
        String code = siteCode.toUpperCase(Locale.ROOT);
        if (!isSiteCode(code)) {
            return;
        }
        em.createNativeQuery("INSERT INTO site (site_code) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, code)
                .executeUpdate();
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
