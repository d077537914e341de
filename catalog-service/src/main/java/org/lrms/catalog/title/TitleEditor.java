package org.lrms.catalog.title;

import org.lrms.kit.security.Roles;
import org.lrms.kit.security.SiteScope;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who changes titles, as far as the shared-title rule goes: district staff change any title; site staff a title held
 * (by copies that are not withdrawn) at sites of their token only, or by none. Taken from the token while the request
 * lasts, so that work carried on after it (a MARC import read in the background) applies the rule of its starter.
 */
public record TitleEditor(boolean districtWide, Set<String> sites) {

    public TitleEditor {
        sites = Set.copyOf(sites);
    }

    public static TitleEditor of(SiteScope scope) {
        return new TitleEditor(scope.isDistrictWide(), scope.hasRole(Roles.SITE_STAFF) ? scope.sites() : Set.of());
    }

    /** The sites, of those holding a title, that are not the editor's: none means the editor may change it. */
    public List<String> othersOf(Collection<String> holdingSites) {
        if (districtWide) {
            return List.of();
        }
        return holdingSites.stream().filter(site -> !sites.contains(site.toUpperCase(Locale.ROOT))).sorted()
                .toList();
    }
}
