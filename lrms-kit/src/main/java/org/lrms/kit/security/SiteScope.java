package org.lrms.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lrms.kit.problem.ProblemException;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's reach over sites, from the token: district admins and integrations reach every site; site staff reach
 * the sites of their {@code sites} claim; teachers and students hold no site for staff work. Every service checks it
 * on each read and write of site-owned data.
 */
@RequestScoped
public class SiteScope {

    @Inject
    SecurityIdentity identity;

    private Set<String> sites;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean isDistrictWide() {
        return identity.hasRole(Roles.DISTRICT_ADMIN) || identity.hasRole(Roles.INTEGRATION);
    }

    public boolean isStaff() {
        return isDistrictWide() || identity.hasRole(Roles.SITE_STAFF);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Site codes of the token's {@code sites} claim, upper-case. */
    public Set<String> sites() {
        if (sites == null) {
            sites = readSites();
        }
        return sites;
    }

    /** The sites whose staff data the caller may see: empty means every site. */
    public Optional<Set<String>> staffSites() {
        return isDistrictWide() ? Optional.empty() : Optional.of(isStaff() ? sites() : Set.of());
    }

    public boolean canManage(String siteCode) {
        if (siteCode == null) {
            return false;
        }
        if (isDistrictWide()) {
            return true;
        }
        return identity.hasRole(Roles.SITE_STAFF) && sites().contains(siteCode.toUpperCase(Locale.ROOT));
    }

    /** Refuses with 403 unless the caller may read and change staff data of {@code siteCode}. */
    public void requireManage(String siteCode) {
        if (!canManage(siteCode)) {
            throw ProblemException.forbidden(isStaff()
                    ? "your account does not hold site " + siteCode
                    : "only library staff may do this");
        }
    }

    /** Refuses with 403 unless the caller is district-wide staff. */
    public void requireDistrict() {
        if (!isDistrictWide()) {
            throw ProblemException.forbidden("only district library staff may do this");
        }
    }

    public String userName() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private Set<String> readSites() {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Set.of();
        }
        Object claim = jwt.getClaim("sites");
        Set<String> result = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> add(result, String.valueOf(unquote(v))));
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> add(result, String.valueOf(unquote(v))));
        } else if (claim != null) {
            add(result, String.valueOf(unquote(claim)));
        }
        return Collections.unmodifiableSet(result);
    }

    private static Object unquote(Object value) {
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return value;
    }

    private static void add(Set<String> result, String raw) {
        for (String code : raw.split("[,\\s]+")) {
            if (!code.isBlank()) {
                result.add(code.trim().toUpperCase(Locale.ROOT));
            }
        }
    }
}
