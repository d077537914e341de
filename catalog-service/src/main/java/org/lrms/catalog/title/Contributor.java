package org.lrms.catalog.title;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person or body who contributed to a title other than as main author, with the role (illustrator, editor...). */
public record Contributor(@NotBlank @Size(max = 300) String name, @Size(max = 60) String role) {
}
