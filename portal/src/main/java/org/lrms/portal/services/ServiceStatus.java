package org.lrms.portal.services;

/** A service's readiness as the portal sees it: {@code UP}, {@code DOWN} (answered, not ready) or {@code UNREACHABLE}. */
public record ServiceStatus(String name, String status) {
}
