package org.lrms.circulation.patron;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A manual block, with the note the desks of the patron's home site (and district staff) will see. */
public record BlockRequest(@NotBlank @Size(max = 500) String note) {
}
