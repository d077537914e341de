package org.lrms.catalog.marc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.lrms.catalog.copy.Copy;
import org.lrms.catalog.copy.CopyRequest;
import org.lrms.catalog.copy.CopyService;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleEditor;
import org.lrms.catalog.title.TitleService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Writes imported records, a chunk per transaction: each record's title and copies are stored whole or not at all. */
@ApplicationScoped
public class MarcImportWriter {

    /** A record written: a title created or matched, the copies added, and what to look at ({@code null}: nothing). */
    public record Written(boolean created, int copies, String warning) {
    }

    private static final Pattern BARCODE = Pattern.compile(CopyRequest.BARCODE);

    @Inject
    EntityManager em;

    @Inject
    TitleService titles;

    @Inject
    TitleMatcher matcher;

    @Inject
    CopyService copies;

    /**
     * One transaction per chunk. The chunk's matching candidates and existing holdings barcodes are read with one
     * query each; the session is flushed once, at commit, so that inserts and updates go to PostgreSQL in JDBC
     * batches instead of one statement and one round trip at a time.
     *
     * <p>{@code editor} is whoever started the import: as on {@code PUT /api/v1/titles/{id}}, a record matching a title
     * held at sites that are not the editor's leaves the title as it is (the record still counts as matched, and its
     * holdings become copies at the editor's site), with a warning. The sites holding the chunk's candidates are read
     * with one query; the chunk's own titles are held at the import's site at most.
     */
    @Transactional
    public List<Written> write(List<MarcTitle> records, MatchMode mode, String siteCode, TitleEditor editor) {
        em.setFlushMode(FlushModeType.COMMIT);
        TitleMatcher.Chunk chunk = matcher.load(records, mode);
        Map<UUID, Set<String>> held = editor.districtWide() ? Map.of() : titles.holdingSites(chunk.titleIds());
        Map<String, UUID> barcodes = siteCode == null ? new HashMap<>() : existingBarcodes(records);
        Merges merges = new Merges();
        List<Written> written = new ArrayList<>();
        for (MarcTitle record : records) {
            written.add(writeOne(record, chunk, siteCode, barcodes, merges, editor, held));
        }
        if (!merges.titles.isEmpty()) {
            // the merged titles' copies are published again, with one query for the chunk; copies the chunk added
            // must be in the database by then (the flush sends them in the same JDBC batches as the commit would)
            if (merges.copiesAdded) {
                em.flush();
            }
            copies.republishCopiesOf(merges.titles, merges.upToDate);
        }
        return written;
    }

    /** A chunk's merged titles, and the copies it added to them after their last merge (published up to date). */
    private static final class Merges {
        final Set<UUID> titles = new LinkedHashSet<>();
        final Set<UUID> upToDate = new HashSet<>();
        final Map<UUID, Set<UUID>> addedSinceMerge = new HashMap<>();
        boolean copiesAdded;

        void merged(UUID titleId) {
            titles.add(titleId);
            Set<UUID> added = addedSinceMerge.remove(titleId);
            if (added != null) {
                upToDate.removeAll(added);
            }
        }

        void added(UUID titleId, UUID copyId) {
            copiesAdded = true;
            if (titles.contains(titleId)) {
                upToDate.add(copyId);
                addedSinceMerge.computeIfAbsent(titleId, k -> new HashSet<>()).add(copyId);
            }
        }
    }

    private Written writeOne(MarcTitle record, TitleMatcher.Chunk chunk, String siteCode, Map<String, UUID> barcodes,
                             Merges merges, TitleEditor editor, Map<UUID, Set<String>> held) {
        for (MarcTitle.Holding holding : record.holdings()) {
            if (!BARCODE.matcher(holding.barcode()).matches()) {
                throw new MarcRejected("holdings barcode '" + holding.barcode() + "' is not a valid barcode");
            }
        }
        Optional<Title> match = chunk.match(record);
        Title title;
        String warning = null;
        List<String> others = match.isEmpty() ? List.of()
                : editor.othersOf(held.getOrDefault(match.get().id, Set.of()));
        if (!others.isEmpty()) {
            title = match.get();
            warning = "matched title " + title.id + ", shared with other sites (" + others.size()
                    + " besides yours): not changed; district library staff can update it";
        } else if (match.isPresent()) {
            Title existing = match.get();
            String source = MarcMapper.hasLocalFields(existing.marcSource) ? MarcFiles.toXml(
                    MarcMapper.mergeLocalFields(record.source(), MarcFiles.fromXml(existing.marcSource)))
                    : record.marcXml();
            title = existing;
            if (titles.mergeImported(title, record.title(), record.controlNumber(), record.controlNumberAgency(),
                    source, record.cancelledIsbns())) {
                chunk.merged(title);
                merges.merged(title.id);
            }
        } else {
            title = titles.createImported(record.title(), record.controlNumber(), record.controlNumberAgency(),
                    record.marcXml(), record.cancelledIsbns());
            chunk.created(title);
        }
        int added = 0;
        for (MarcTitle.Holding h : siteCode == null ? List.<MarcTitle.Holding>of() : record.holdings()) {
            UUID holder = barcodes.get(h.barcode());
            if (holder != null) {
                if (!holder.equals(title.id)) {
                    throw new MarcRejected("holdings barcode " + h.barcode() + " belongs to a copy of another title");
                }
                continue; // the same file imported again: the copy is there already
            }
            Copy copy = copies.addImported(title, new CopyRequest(siteCode, h.barcode(), h.callNumber(),
                    h.shelfLocation(), h.price(), null, null, null, null, null, null));
            barcodes.put(h.barcode(), title.id);
            merges.added(title.id, copy.id);
            added++;
        }
        return new Written(match.isEmpty(), added, warning);
    }

    /** Barcode → title of the copies that hold one of the chunk's holdings barcodes already. */
    private Map<String, UUID> existingBarcodes(List<MarcTitle> records) {
        String[] wanted = records.stream().flatMap(r -> r.holdings().stream()).map(MarcTitle.Holding::barcode)
                .distinct().toArray(String[]::new);
        Map<String, UUID> found = new HashMap<>();
        if (wanted.length == 0) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT barcode, title_id FROM copy WHERE barcode = ANY(?1)")
                .setParameter(1, wanted).getResultList();
        rows.forEach(r -> found.put((String) r[0], (UUID) r[1]));
        return found;
    }

    /** Adds a chunk's counts, rejections and warnings to the job, so that a caller polling it sees progress. */
    @Transactional
    public void progress(UUID jobId, int read, int created, int matched, int copiesAdded, int holdingsSkipped,
                         List<MarcImport.Rejection> rejections, List<MarcImport.Rejection> warnings) {
        MarcImport job = MarcImport.findById(jobId);
        job.holdingsSkipped += holdingsSkipped;
        job.recordsRead += read;
        job.created += created;
        job.matched += matched;
        job.copiesAdded += copiesAdded;
        job.rejected += rejections.size();
        List<MarcImport.Rejection> kept = new ArrayList<>(job.rejections);
        rejections.stream().limit(Math.max(0, MarcImport.MAX_REJECTIONS_KEPT - kept.size())).forEach(kept::add);
        job.rejections = kept;
        job.warned += warnings.size();
        List<MarcImport.Rejection> warned = new ArrayList<>(job.warnings);
        warnings.stream().limit(Math.max(0, MarcImport.MAX_REJECTIONS_KEPT - warned.size())).forEach(warned::add);
        job.warnings = warned;
        job.progressAt = java.time.Instant.now();
    }

    @Transactional
    public MarcImport start(MarcImport job) {
        job.progressAt = job.startedAt;
        job.persist();
        return job;
    }

    @Transactional
    public MarcImport finish(UUID jobId) {
        MarcImport job = MarcImport.findById(jobId);
        job.status = "FINISHED";
        job.finishedAt = java.time.Instant.now();
        job.progressAt = job.finishedAt;
        return job;
    }

    /** The job stopped before the end of its file; what it wrote stays (importing the file again matches it). */
    @Transactional
    public void fail(UUID jobId, String failure) {
        MarcImport job = MarcImport.findById(jobId);
        if (job != null && job.status.equals("RUNNING")) {
            job.status = "FAILED";
            job.failure = failure;
            job.finishedAt = java.time.Instant.now();
            job.progressAt = job.finishedAt;
        }
    }

    /**
     * Marks FAILED the RUNNING jobs not carried on by this process that have not moved since {@code before}: their
     * process stopped (a chunk is written in seconds, so a job that has not moved for minutes is no longer read).
     */
    @Transactional
    public int failAbandoned(java.time.Instant before, Set<UUID> carriedOn) {
        return em.createNativeQuery("UPDATE marc_import SET status = 'FAILED', finished_at = now(),"
                        + " progress_at = now(), failure = ?1 WHERE status = 'RUNNING' AND progress_at < ?2"
                        + " AND NOT (id = ANY(CAST(?3 AS uuid[])))")
                .setParameter(1, "the service stopped while the file was read; import it again: the records"
                        + " already written then match and add nothing twice")
                .setParameter(2, before)
                .setParameter(3, carriedOn.toArray(UUID[]::new))
                .executeUpdate();
    }
}
