package org.lrms.circulation.patron;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A patron as staff enter it (the roster import fills the same fields). */
public record PatronRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "\\S+", message = "must not contain spaces") String barcode,
        @Size(max = 60) String sisId,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Pattern(regexp = "(?i)STUDENT|TEACHER|STAFF|GUARDIAN",
                message = "must be STUDENT, TEACHER, STAFF or GUARDIAN") String patronType,
        @NotBlank String homeSite,
        @Size(max = 10) String grade,
        @Size(max = 100) String homeroom,
        @Email @Size(max = 200) String email,
        @Pattern(regexp = "(?i)en|es", message = "must be en or es") String language,
        @Pattern(regexp = "(?i)ACTIVE|INACTIVE|GRADUATED", message = "must be ACTIVE, INACTIVE or GRADUATED")
        String status,
        @Size(max = 2000) String notes) {
}
