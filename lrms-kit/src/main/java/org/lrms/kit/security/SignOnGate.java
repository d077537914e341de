package org.lrms.kit.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.kit.problem.ProblemException;

/**
 * Answers a bearer token 503 (retry in 2 s) while the sign-on provider's keys are not loaded
 * ({@link SignOnConnection}), where Quarkus OIDC would connect to the provider for this one request: in a burst, one
 * connection per request. Once they are loaded every token goes on (answering no identity hands the request to the
 * next provider).
 */
@ApplicationScoped
public class SignOnGate implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    SignOnConnection signOn;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** After {@link CachedTokenIdentityProvider} (2,000), before the OIDC provider (1,001). */
    @Override
    public int priority() {
        return 1_500;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (signOn.isConnected()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().failure(ProblemException.unavailable("sign-on-unavailable",
                "the service has not reached the sign-on provider yet to check your token; try again in a moment", 2));
    }
}
