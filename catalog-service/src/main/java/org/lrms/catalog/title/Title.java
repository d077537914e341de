package org.lrms.catalog.title;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A bibliographic record of the district's union catalog: shared by every site, copies belong to one site. */
@Entity
@Table(name = "title")
public class Title extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String subtitle;

    @Column(name = "statement_of_responsibility")
    public String statementOfResponsibility;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> authors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public List<Contributor> contributors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> isbns = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> isbn13s = new ArrayList<>();

    /**
     * Cancelled or invalid ISBNs (MARC 020 $z), as the record gave them: kept and exported, never matched or
     * searched as the title's ISBNs.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cancelled_isbns", columnDefinition = "text[]", nullable = false)
    public List<String> cancelledIsbns = new ArrayList<>();

    public String issn;

    public String lccn;

    @Column(name = "control_number")
    public String controlNumber;

    /** The agency whose control number it is (MARC 003): a control number identifies a record only with it. */
    @Column(name = "control_number_agency")
    public String controlNumberAgency;

    public String publisher;

    @Column(name = "publication_year")
    public Integer publicationYear;

    public String edition;

    public String language;

    @Column(name = "material_type", nullable = false)
    public String materialType;

    @Column(name = "dewey_number")
    public String deweyNumber;

    @Column(name = "call_number")
    public String callNumber;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> subjects = new ArrayList<>();

    public String summary;

    @Column(name = "reading_level")
    public String readingLevel;

    @Column(name = "interest_level")
    public String interestLevel;

    public String series;

    @Column(name = "marc_source")
    public String marcSource;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** Main author first, for labels and snapshots. */
    public String firstAuthor() {
        return authors.isEmpty() ? null : authors.get(0);
    }

    /** Titles holding one of the ISBNs (in either ISBN-10 or ISBN-13 form). */
    public static List<Title> withAnyIsbn13(List<String> isbn13s) {
        if (isbn13s.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM title WHERE isbn13s && CAST(?1 AS text[]) ORDER BY created_at", Title.class)
                .setParameter(1, isbn13s.toArray(String[]::new))
                .getResultList();
    }

    public static Optional<Title> byLccn(String lccn) {
        return find("lccn", lccn).firstResultOptional();
    }

    public static Optional<Title> byControlNumber(String controlNumber) {
        return find("controlNumber", controlNumber).firstResultOptional();
    }
}
