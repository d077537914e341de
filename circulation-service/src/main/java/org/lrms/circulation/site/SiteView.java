package org.lrms.circulation.site;

public record SiteView(String code, String name, String siteType, boolean active) {

    static SiteView of(Site s) {
        return new SiteView(s.code, s.name, s.siteType, s.active);
    }
}
