package org.lrms.portal;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the services and the identity provider are. */
@ConfigMapping(prefix = "lrms.portal")
public interface PortalConfig {

    /** The services by name ({@code catalog}, {@code circulation}, ...), as the portal reaches them. */
    Map<String, Service> services();

    /** How long the proxy waits for a service's answer. */
    Duration proxyTimeout();

    Oidc oidc();

    interface Service {
        URI url();
    }

    interface Oidc {
        /** The realm's URL (the token issuer), e.g. {@code http://localhost:8180/realms/district}. */
        String authServerUrl();

        /** The public client the browser signs in with. */
        String clientId();
    }
}
