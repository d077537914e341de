package org.lrms.circulation.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A grant: {@code username} (a site-staff user's sign-on name, or {@code *} for every site-staff user),
 * {@code siteCode} (a site, or {@code *} for every site the user's token holds), {@code permission}
 * ({@code override-refusal} or {@code waive-fees}).
 */
public record StaffPermissionRequest(@NotBlank @Size(max = 100) String username,
                                     @NotBlank @Size(max = 40) String siteCode,
                                     @NotBlank @Size(max = 40) String permission) {
}
