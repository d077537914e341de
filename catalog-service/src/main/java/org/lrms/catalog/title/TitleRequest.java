package org.lrms.catalog.title;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A title as staff enter it. */
public record TitleRequest(
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 1000) String subtitle,
        List<@NotBlank @Size(max = 300) String> authors,
        List<@NotBlank String> isbns,
        @Size(max = 300) String publisher,
        @Min(1000) @Max(2100) Integer publicationYear,
        String materialType,
        @Size(max = 40) String deweyNumber,
        List<@NotBlank @Size(max = 300) String> subjects) {
}
