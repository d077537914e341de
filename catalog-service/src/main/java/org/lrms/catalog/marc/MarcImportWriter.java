package org.lrms.catalog.marc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.catalog.copy.Copy;
import org.lrms.catalog.copy.CopyRequest;
import org.lrms.catalog.copy.CopyService;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes imported records, a chunk per transaction: each record's title and copies are stored whole or not at all. */
@ApplicationScoped
public class MarcImportWriter {

    public record Written(boolean created, int copies) {
    }

    @Inject
    EntityManager em;

    @Inject
    TitleService titles;

    @Inject
    TitleMatcher matcher;

    @Inject
    CopyService copies;

    @Transactional
    public List<Written> write(List<MarcTitle> records, MatchMode mode, String siteCode) {
        List<Written> written = new ArrayList<>();
        for (MarcTitle record : records) {
            written.add(writeOne(record, mode, siteCode));
            // keeps the session small: otherwise every matching query dirty-checks all titles of the chunk
            em.flush();
            em.clear();
        }
        return written;
    }

    private Written writeOne(MarcTitle record, MatchMode mode, String siteCode) {
        for (MarcTitle.Holding holding : record.holdings()) {
            if (!holding.barcode().matches(CopyRequest.BARCODE)) {
                throw new MarcRejected("holdings barcode '" + holding.barcode() + "' is not a valid barcode");
            }
        }
        Optional<Title> match = matcher.match(record, mode);
        Title title;
        if (match.isPresent()) {
            Title existing = match.get();
            String source = existing.marcSource == null ? record.marcXml() : MarcFiles.toXml(
                    MarcMapper.mergeLocalFields(MarcFiles.fromXml(record.marcXml()),
                            MarcFiles.fromXml(existing.marcSource)));
            title = titles.mergeImported(existing, record.title(), record.controlNumber(), source);
        } else {
            title = titles.createImported(record.title(), record.controlNumber(), record.marcXml());
        }
        int added = 0;
        for (MarcTitle.Holding h : siteCode == null ? List.<MarcTitle.Holding>of() : record.holdings()) {
            Optional<Copy> existing = Copy.byBarcode(h.barcode());
            if (existing.isPresent()) {
                if (!existing.get().title.id.equals(title.id)) {
                    throw new MarcRejected("holdings barcode " + h.barcode() + " belongs to a copy of another title");
                }
                continue; // the same file imported again: the copy is there already
            }
            copies.addImported(title, new CopyRequest(siteCode, h.barcode(), h.callNumber(), h.shelfLocation(),
                    h.price(), null, null, null, null, null, null));
            added++;
        }
        return new Written(match.isEmpty(), added);
    }

    /** Adds a chunk's counts and rejections to the job, so that a caller polling it sees progress. */
    @Transactional
    public void progress(UUID jobId, int read, int created, int matched, int copiesAdded, int holdingsSkipped,
                         List<MarcImport.Rejection> rejections) {
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
    }

    @Transactional
    public MarcImport start(MarcImport job) {
        job.persist();
        return job;
    }

    @Transactional
    public MarcImport finish(UUID jobId, String status) {
        MarcImport job = MarcImport.findById(jobId);
        job.status = status;
        job.finishedAt = java.time.Instant.now();
        return job;
    }
}
