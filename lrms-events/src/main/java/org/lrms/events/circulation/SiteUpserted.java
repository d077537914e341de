package org.lrms.events.circulation;

import org.lrms.events.EventType;

/**
 * A site (school, or the district itself as {@code DISTRICT}) was created or changed. Circulation owns sites (they
 * come from the roster's orgs or are entered by district staff); every other service keeps a replica from this event.
 *
 * @param siteCode  the site's code, e.g. {@code LHS}; the aggregate id and Kafka key
 * @param name      e.g. {@code Lincoln High School}
 * @param siteType  {@code DISTRICT}, {@code HIGH}, {@code MIDDLE}, {@code ELEMENTARY}, {@code OTHER}
 * @param sourcedId the OneRoster org sourcedId, when the site came from the roster
 * @param active    false once the site is closed
 */
@EventType(name = "SiteUpserted")
public record SiteUpserted(String siteCode, String name, String siteType, String sourcedId, boolean active) {
}
