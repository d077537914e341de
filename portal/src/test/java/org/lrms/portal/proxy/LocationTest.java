package org.lrms.portal.proxy;

import org.junit.jupiter.api.Test;
import org.lrms.portal.PortalConfig;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocationTest {

    private final PortalConfig.Service catalog = () -> URI.create("http://localhost:8081/");

    @Test
    void serviceRelativeLocationsGoThroughThePortal() {
        assertEquals("/api/catalog/v1/titles/7", Forwarder.portalLocation("/api/v1/titles/7", "catalog", catalog));
    }

    @Test
    void absoluteLocationsOfTheServiceGoThroughThePortal() {
        assertEquals("/api/catalog/v1/titles/7/copies/1", Forwarder.portalLocation("http://localhost:8081/api/v1/titles/7/copies/1", "catalog", catalog));
    }

    @Test
    void otherLocationsAreLeftAlone() {
        assertEquals("https://example.org/elsewhere", Forwarder.portalLocation("https://example.org/elsewhere", "catalog", catalog));
    }
}
