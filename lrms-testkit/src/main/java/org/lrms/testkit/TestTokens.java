package org.lrms.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the test key whose public half services trust under {@code %test}
 * ({@code quarkus.oidc.public-key}, see {@link #PUBLIC_KEY}). Shaped like the district realm's tokens: roles in
 * {@code groups}, site codes in {@code sites}.
 */
public final class TestTokens {

    /** The test key's public half, for {@code %test.quarkus.oidc.public-key}. */
    public static final String PUBLIC_KEY_RESOURCE = "lrms-test-public-key.pem";
    /** The {@code iss} of every test token. */
    public static final String ISSUER = "https://lrms.test/realms/district";

    private static PrivateKey key;

    private TestTokens() {
    }

    public static String districtAdmin() {
        return token("district.admin", Set.of("district-admin"), List.of());
    }

    public static String siteStaff(String... sites) {
        return token("tech." + String.join("-", sites).toLowerCase(), Set.of("site-staff"), List.of(sites));
    }

    public static String teacher(String... sites) {
        return token("teacher.lee", Set.of("teacher"), List.of(sites));
    }

    public static String student(String... sites) {
        return token("student.demo", Set.of("student"), List.of(sites));
    }

    public static String integration() {
        return token("service-account-lrms-sis", Set.of("integration"), List.of());
    }

    public static String token(String user, Set<String> roles, List<String> sites) {
        return token(user, roles, sites, Duration.ofHours(1));
    }

    /** A token that expires {@code lifetime} from now. */
    public static String token(String user, Set<String> roles, List<String> sites, Duration lifetime) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .upn(user)
                .preferredUserName(user)
                .subject(user)
                .groups(roles)
                .claim("sites", sites)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .sign(privateKey());
    }

    /** Expired token: must be refused with 401. */
    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).upn("district.admin").groups("district-admin")
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).sign(privateKey());
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("lrms-test-private-key.pem");
            } catch (Exception e) {
                throw new IllegalStateException("test signing key missing", e);
            }
        }
        return key;
    }
}
