package org.lrms.circulation.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A site as district staff enter it; {@code code} may be omitted on PUT (the path names it). */
public record SiteRequest(
        @Pattern(regexp = SiteService.CODE, message = SiteService.CODE_RULE) String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "(?i)DISTRICT|HIGH|MIDDLE|ELEMENTARY|OTHER",
                message = "must be DISTRICT, HIGH, MIDDLE, ELEMENTARY or OTHER") String siteType,
        Boolean active) {
}
