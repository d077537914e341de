package org.lrms.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens this service has already verified, with the identity they gave, until the token expires (at most
 * {@code max-age}). A desk sends every scan with the same access token for minutes: checking its RSA signature again
 * on each request was a fifth of the circulation service's CPU at the desk. The same token string always verifies the
 * same way until it expires, so answering from here changes nothing that is allowed; a token never verified (another
 * string, a bad signature) always goes to the OIDC verification, and failures are never kept.
 * <p>
 * Only the identity is kept, without the request it came with: each request gets its own routing context back.
 * Permission checkers are not kept: LRMS authorizes by roles and sites ({@link SiteScope}), not by
 * {@code @PermissionsAllowed}.
 */
@ApplicationScoped
public class VerifiedTokens {

    @ConfigProperty(name = "lrms.security.verified-tokens.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "lrms.security.verified-tokens.max-size", defaultValue = "20000")
    long maxSize;

    @ConfigProperty(name = "lrms.security.verified-tokens.max-age", defaultValue = "PT5M")
    Duration maxAge;

    @Inject
    MeterRegistry registry;

    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private Cache<String, Verified> cache;
    private Counter hits;
    private Counter misses;

    void start(@Observes StartupEvent event) {
        cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, Verified>creating((token, verified) ->
                        Duration.between(Instant.now(), verified.expiresAt())))
                .build();
        hits = registry.counter("lrms.security.verified.tokens", "outcome", "hit");
        misses = registry.counter("lrms.security.verified.tokens", "outcome", "miss");
    }

    /** The identity a still valid, already verified token gave, for the request of {@code routingContext}. */
    public Optional<SecurityIdentity> find(String token, RoutingContext routingContext) {
        if (!enabled || cache == null) {
            return Optional.empty();
        }
        Verified verified = cache.getIfPresent(token);
        if (verified == null || !Instant.now().isBefore(verified.expiresAt())) {
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(withRequest(verified.identity(), routingContext));
    }

    /** Keeps what a verified token gave, until the token's expiry or {@code max-age}, whichever is first. */
    public void remember(String token, SecurityIdentity identity) {
        if (!enabled || cache == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant now = Instant.now();
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (expiresAt.isAfter(now.plus(maxAge))) {
            expiresAt = now.plus(maxAge);
        }
        if (now.isBefore(expiresAt) && cache.getIfPresent(token) == null) {
            cache.put(token, new Verified(withRequest(identity, null), expiresAt));
        }
    }

    /** The identity with the routing context of another request in place of the one it was verified for. */
    private static SecurityIdentity withRequest(SecurityIdentity identity, RoutingContext routingContext) {
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            Object value = attribute.getValue() instanceof RoutingContext ? routingContext : attribute.getValue();
            if (value != null) {
                copy.addAttribute(attribute.getKey(), value);
            }
        }
        return copy.build();
    }
}
