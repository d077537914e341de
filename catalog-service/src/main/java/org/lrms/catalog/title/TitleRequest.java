package org.lrms.catalog.title;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A title as staff enter it; ISBNs are checked (check digits) by {@link TitleService}. {@code version}, on a
 * {@code PUT}, is the version the caller read: another one is a 409 {@code version-conflict}; none, no check.
 */
public record TitleRequest(
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 1000) String subtitle,
        @Size(max = 1000) String statementOfResponsibility,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> authors,
        @Size(max = 50) List<@NotNull @Valid Contributor> contributors,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> isbns,
        @Size(max = 20) String issn,
        @Size(max = 40) String lccn,
        @Size(max = 300) String publisher,
        @Min(1000) @Max(2100) Integer publicationYear,
        @Size(max = 100) String edition,
        @Pattern(regexp = "\\s*([A-Za-z]{3})?\\s*", message = "a MARC language code: three letters, e.g. eng")
        String language,
        String materialType,
        @Size(max = 40) String deweyNumber,
        @Size(max = 100) String callNumber,
        @Size(max = 100) List<@NotBlank @Size(max = 300) String> subjects,
        @Size(max = 10000) String summary,
        @Size(max = 40) String readingLevel,
        @Size(max = 40) String interestLevel,
        @Size(max = 300) String series,
        Integer version) {

    /** A title with no version to check (new titles, MARC records, receipts). */
    public TitleRequest(String title, String subtitle, String statementOfResponsibility, List<String> authors,
                        List<Contributor> contributors, List<String> isbns, String issn, String lccn,
                        String publisher, Integer publicationYear, String edition, String language,
                        String materialType, String deweyNumber, String callNumber, List<String> subjects,
                        String summary, String readingLevel, String interestLevel, String series) {
        this(title, subtitle, statementOfResponsibility, authors, contributors, isbns, issn, lccn, publisher,
                publicationYear, edition, language, materialType, deweyNumber, callNumber, subjects, summary,
                readingLevel, interestLevel, series, null);
    }
}
