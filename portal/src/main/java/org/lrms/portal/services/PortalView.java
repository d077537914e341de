package org.lrms.portal.services;

import java.util.List;

/** The browser's settings: the identity provider (realm URL, public client) and the services' links. */
public record PortalView(Oidc oidc, List<ServiceLink> services) {

    public record Oidc(String authServerUrl, String clientId) {
    }

    /** {@code api} is the same-origin path of the service's API through this portal. */
    public record ServiceLink(String name, String api, String swaggerUi, String openApi, String health) {
    }
}
