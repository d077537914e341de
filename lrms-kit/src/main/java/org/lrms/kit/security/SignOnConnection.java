package org.lrms.kit.security;

import io.quarkus.oidc.runtime.TenantConfigBean;
import io.quarkus.oidc.runtime.TenantConfigContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * The service's connection to the district's sign-on provider (Keycloak): the realm's metadata and signing keys,
 * loaded once.
 * <p>
 * Quarkus OIDC waits for the provider at start for at most {@code quarkus.oidc.connection-timeout} (10 s), whatever
 * {@code connection-delay} says, and then leaves it to the first signed-in requests: each one connects on its own,
 * all of them at once in a burst (after a restart on 2 cores, 600 connections to Keycloak for 600 requests, a p50 of
 * 12 to 25 s). When the provider did not answer at start, this connects in the background instead: one attempt at a
 * time, each retrying quietly every 2 s for {@code connection-delay}, and the next 2 s after an attempt failed, until
 * the metadata and keys are loaded. Until then readiness is DOWN ({@link SignOnReadiness}) and a bearer token is
 * answered 503 without reaching the provider ({@link SignOnGate}).
 * <p>
 * The default tenant's context is Quarkus OIDC's runtime API (its own readiness check reads it too); its
 * {@code initialize()} is what a request would have called.
 */
@ApplicationScoped
public class SignOnConnection {

    private static final Logger LOG = Logger.getLogger(SignOnConnection.class);
    /** The pause after a failed attempt, the same as Quarkus' between the retries within one. */
    private static final Duration PAUSE_AFTER_FAILED_ATTEMPT = Duration.ofSeconds(2);

    @Inject
    Instance<TenantConfigBean> tenants;

    private volatile Cancellable connecting;

    void start(@Observes StartupEvent event) {
        TenantConfigContext tenant = defaultTenant();
        if (tenant == null || tenant.ready()) {
            return;
        }
        String server = authServerUrl().orElse("(not configured)");
        LOG.infof("sign-on provider %s not reached at start: connecting in the background; until then readiness is"
                + " DOWN and bearer tokens are answered 503", server);
        long began = System.nanoTime();
        connecting = Uni.createFrom().deferred(tenant::initialize)
                .invoke(context -> {
                    if (!context.ready()) {
                        throw new IllegalStateException("the OIDC tenant is still not ready");
                    }
                })
                .onFailure().retry().withBackOff(PAUSE_AFTER_FAILED_ATTEMPT, PAUSE_AFTER_FAILED_ATTEMPT).indefinitely()
                .subscribe().with(
                        context -> LOG.infof("connected to the sign-on provider %s after %d s in the background",
                                server, Duration.ofNanos(System.nanoTime() - began).toSeconds()),
                        failure -> LOG.errorf("stopped connecting to the sign-on provider %s: %s", server, failure));
    }

    void stop(@Observes ShutdownEvent event) {
        Cancellable attempt = connecting;
        if (attempt != null) {
            attempt.cancel();
        }
    }

    /**
     * Whether the provider's metadata and keys are loaded; always where tokens are checked with a configured public
     * key (the tests) or OIDC is off.
     */
    public boolean isConnected() {
        TenantConfigContext tenant = defaultTenant();
        return tenant == null || tenant.ready();
    }

    public Optional<String> authServerUrl() {
        TenantConfigContext tenant = defaultTenant();
        return tenant == null ? Optional.empty() : tenant.oidcConfig().authServerUrl();
    }

    private TenantConfigContext defaultTenant() {
        return tenants.isResolvable() ? tenants.get().getDefaultTenant() : null;
    }
}
