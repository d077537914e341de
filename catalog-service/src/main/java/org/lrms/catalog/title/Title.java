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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> authors = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> isbns = new ArrayList<>();

    public String publisher;

    @Column(name = "publication_year")
    public Integer publicationYear;

    @Column(name = "material_type", nullable = false)
    public String materialType;

    @Column(name = "dewey_number")
    public String deweyNumber;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> subjects = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
