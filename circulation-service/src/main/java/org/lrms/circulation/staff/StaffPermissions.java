package org.lrms.circulation.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.jdbc.Columns;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.Roles;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Desk permissions a supervisor holds beyond the {@code site-staff} role, kept as district data
 * ({@code staff_permission}): {@link #OVERRIDE_REFUSAL} lends or renews through an overridable refusal, {@link
 * #WAIVE_FEES} waives a fee. A grant names a username (or {@link #EVERYONE}: every site-staff user) and a site (or
 * {@link #EVERY_SITE}: every site the user's token holds; the token's sites still bound what the user reaches).
 * District admins hold both everywhere; district admins grant and revoke, and every change is kept with who and when.
 */
@ApplicationScoped
public class StaffPermissions {

    public static final String OVERRIDE_REFUSAL = "override-refusal";
    public static final String WAIVE_FEES = "waive-fees";
    public static final Set<String> ALL = Set.of(OVERRIDE_REFUSAL, WAIVE_FEES);
    public static final String EVERYONE = "*";
    public static final String EVERY_SITE = "*";

    /** A username as the sign-on gives it (Keycloak: lower-case letters, digits, {@code . _ - @}). */
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9._@-]{1,100}");

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    public record StaffPermissionView(String username, String siteCode, String permission, Instant grantedAt,
                                      String grantedBy) {
    }

    public record StaffPermissionChange(String action, String username, String siteCode, String permission,
                                        Instant at, String byUser) {
    }

    /** Whether the caller holds {@code permission} at {@code site} (a desk's site the caller already manages). */
    public boolean holds(String permission, String site) {
        if (scope.hasRole(Roles.DISTRICT_ADMIN)) {
            return true;
        }
        if (!scope.hasRole(Roles.SITE_STAFF) || !scope.canManage(site)) {
            return false;
        }
        return ((Number) em.createNativeQuery("SELECT count(*) FROM staff_permission WHERE permission = ?1 "
                        + "AND username IN (?2, '*') AND site_code IN (?3, '*')")
                .setParameter(1, permission).setParameter(2, scope.userName().toLowerCase(Locale.ROOT))
                .setParameter(3, site.toUpperCase(Locale.ROOT)).getSingleResult()).longValue() > 0;
    }

    /** Refuses with a 403 {@code permission-required} naming the permission unless the caller holds it at the site. */
    public void require(String permission, String site, String what) {
        if (!holds(permission, site)) {
            throw permissionRequired(permission, site, what);
        }
    }

    public static ProblemException permissionRequired(String permission, String site, String what) {
        return new ProblemException(403, "Forbidden", "permission-required", what + " needs the permission "
                + permission + " at site " + site + ": ask a supervisor, or district staff to grant it")
                .with("permission", permission).with("siteCode", site);
    }

    @Transactional
    public List<StaffPermissionView> list(String username, String siteCode) {
        scope.requireDistrict();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, site_code, permission, granted_at, granted_by "
                        + "FROM staff_permission WHERE (CAST(?1 AS text) IS NULL OR username = ?1) "
                        + "AND (CAST(?2 AS text) IS NULL OR site_code = ?2) ORDER BY site_code, username, permission")
                .setParameter(1, username == null || username.isBlank() ? null : username.strip().toLowerCase(Locale.ROOT))
                .setParameter(2, siteCode == null || siteCode.isBlank() ? null : siteCode.strip().toUpperCase(Locale.ROOT))
                .getResultList();
        return rows.stream().map(r -> new StaffPermissionView((String) r[0], (String) r[1], (String) r[2],
                Columns.instant(r[3]), (String) r[4])).toList();
    }

    /** The grants and revocations, newest first (at most 1,000). */
    @Transactional
    public List<StaffPermissionChange> changes() {
        scope.requireDistrict();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT action, username, site_code, permission, at, by_user "
                + "FROM staff_permission_change ORDER BY at DESC LIMIT 1000").getResultList();
        return rows.stream().map(r -> new StaffPermissionChange((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], Columns.instant(r[4]), (String) r[5])).toList();
    }

    /** The grant's view, and whether it is new (an existing grant is answered as it is and not audited again). */
    public record Granted(StaffPermissionView permission, boolean created) {
    }

    @Transactional
    public Granted grant(StaffPermissionRequest request) {
        scope.requireDistrict();
        Key key = validated(request.username(), request.siteCode(), request.permission());
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("INSERT INTO staff_permission (username, site_code, permission, "
                        + "granted_at, granted_by) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, key.username()).setParameter(2, key.siteCode()).setParameter(3, key.permission())
                .setParameter(4, now).setParameter(5, scope.userName()).executeUpdate();
        if (inserted == 1) {
            audit("GRANTED", key, now);
        }
        StaffPermissionView view = list(key.username(), key.siteCode()).stream()
                .filter(p -> p.permission().equals(key.permission())).findFirst().orElseThrow();
        return new Granted(view, inserted == 1);
    }

    @Transactional
    public void revoke(String username, String siteCode, String permission) {
        scope.requireDistrict();
        Key key = validated(username, siteCode, permission);
        int deleted = em.createNativeQuery("DELETE FROM staff_permission WHERE username = ?1 AND site_code = ?2 "
                        + "AND permission = ?3")
                .setParameter(1, key.username()).setParameter(2, key.siteCode()).setParameter(3, key.permission())
                .executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("staff permission",
                    key.permission() + " of " + key.username() + " at " + key.siteCode());
        }
        audit("REVOKED", key, Instant.now());
    }

    private record Key(String username, String siteCode, String permission) {
    }

    private Key validated(String username, String siteCode, String permission) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!EVERYONE.equals(user) && !USERNAME.matcher(user).matches()) {
            throw ProblemException.badRequest("username",
                    "must be a sign-on username (letters, digits, . _ - @; at most 100) or * for every site-staff user");
        }
        String site = siteCode == null ? "" : siteCode.strip();
        if (!EVERY_SITE.equals(site)) {
            site = SiteService.normalize(site);
            if (site.isEmpty() || Site.findById(site) == null) {
                throw ProblemException.badRequest("siteCode", "no site " + siteCode + "; give a site code or *");
            }
        }
        String perm = permission == null ? "" : permission.strip().toLowerCase(Locale.ROOT);
        if (!ALL.contains(perm)) {
            throw ProblemException.badRequest("permission", "must be " + OVERRIDE_REFUSAL + " or " + WAIVE_FEES);
        }
        return new Key(user, site, perm);
    }

    private void audit(String action, Key key, Instant at) {
        em.createNativeQuery("INSERT INTO staff_permission_change (id, action, username, site_code, permission, at, "
                        + "by_user) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, action).setParameter(3, key.username())
                .setParameter(4, key.siteCode()).setParameter(5, key.permission()).setParameter(6, at)
                .setParameter(7, scope.userName()).executeUpdate();
    }
}
