package org.lrms.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the sign-on provider's metadata and keys are loaded ({@link SignOnConnection}): before, the service
 * could answer no signed-in request. Once loaded they stay, so a provider that goes away later leaves the service
 * ready: tokens are still checked with the keys it holds. (Quarkus' own OIDC check, {@code quarkus.oidc.health.enabled},
 * asks the provider at every call and so would take every service out of rotation when Keycloak blinks.)
 */
@Readiness
@ApplicationScoped
public class SignOnReadiness implements HealthCheck {

    @Inject
    SignOnConnection signOn;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Sign-on provider (OIDC)")
                .status(signOn.isConnected());
        signOn.authServerUrl().ifPresent(url -> response.withData("auth-server-url", url));
        if (!signOn.isConnected()) {
            response.withData("state", "not reached yet, connecting in the background");
        }
        return response.build();
    }
}
