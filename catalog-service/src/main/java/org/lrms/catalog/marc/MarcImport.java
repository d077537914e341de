package org.lrms.catalog.marc;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One MARC file's import: its progress while it runs ({@code RUNNING}), its summary once done ({@code FINISHED}, or
 * {@code FAILED} with its {@code failure}). */
@Entity
@Table(name = "marc_import")
public class MarcImport extends PanacheEntityBase {

    public static final int MAX_REJECTIONS_KEPT = 1000;

    public record Rejection(int recordNumber, String controlNumber, String reason) {
    }

    @Id
    public UUID id;

    @Column(name = "file_format", nullable = false)
    public String fileFormat;

    @Column(name = "match_mode", nullable = false)
    public String matchMode;

    @Column(name = "site_code")
    public String siteCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "records_read", nullable = false)
    public int recordsRead;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int matched;

    @Column(nullable = false)
    public int rejected;

    @Column(name = "copies_added", nullable = false)
    public int copiesAdded;

    @Column(name = "holdings_skipped", nullable = false)
    public int holdingsSkipped;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public List<Rejection> rejections = new ArrayList<>();

    /**
     * Records imported whole with something to look at (an invalid ISBN kept as cancelled, 020 $z; a matched title
     * shared with other sites, which the importer may not change, left as it was).
     */
    @Column(nullable = false)
    public int warned;

    /** The first {@link #MAX_REJECTIONS_KEPT} warnings: record number, control number and what to look at. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public List<Rejection> warnings = new ArrayList<>();

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the job last moved (started, a chunk written, finished): a RUNNING job no process carries on stops here. */
    @Column(name = "progress_at", nullable = false)
    public Instant progressAt;

    /** Why a FAILED job stopped (no personal data: a reason, or an exception's type). */
    public String failure;
}
