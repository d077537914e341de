package org.lrms.catalog.marc;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lrms.catalog.site.Sites;
import org.lrms.catalog.title.TitleEditor;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports a MARC file: spools it to disk (so a 100 MB file needs no 100 MB of heap and an oversized one changes
 * nothing), reads it record by record ({@link MarcChunks}, a chunk or two ahead of the writing), rejects bad records
 * one by one, matches or creates titles a chunk at a time, and keeps the job's progress and summary.
 */
@ApplicationScoped
public class MarcImportService {

    private static final Logger LOG = Logger.getLogger(MarcImportService.class);
    static final int CHUNK = 200;

    @Inject
    MarcImportWriter writer;

    @Inject
    SiteScope scope;

    @Inject
    Sites sites;

    @ConfigProperty(name = "catalog.marc.max-upload-bytes", defaultValue = "209715200")
    long maxUploadBytes;

    @ConfigProperty(name = "catalog.marc.abandoned-after", defaultValue = "5m")
    Duration abandonedAfter;

    @ConfigProperty(name = "catalog.marc.async-imports", defaultValue = "2")
    int asyncImports;

    /** The jobs this process reads (or will read: queued for the executor). */
    private final Set<UUID> carriedOn = ConcurrentHashMap.newKeySet();
    private ExecutorService executor;

    /**
     * An upload spooled to disk and its job, created RUNNING; with who started it, as their token said then: the
     * file may be read after the request has ended (respond-async), and the job itself keeps only the user name.
     */
    private record Started(MarcImport job, Path spool, MarcFiles.Format format, MatchMode mode, String site,
                           TitleEditor editor) {
    }

    /** Imports the whole file, then answers its summary. */
    public MarcImport run(InputStream body, MarcFiles.Format declared, MatchMode mode, String siteCode) {
        return complete(start(body, declared, mode, siteCode));
    }

    /**
     * Spools the file and creates its job, then answers at once: the file is read on one of
     * {@code catalog.marc.async-imports} threads, and the job shows its progress after every chunk. What can be
     * refused before the first record (mode, site, size, an empty file) is refused here, as with {@link #run}.
     */
    public MarcImport runAsync(InputStream body, MarcFiles.Format declared, MatchMode mode, String siteCode) {
        Started started = start(body, declared, mode, siteCode);
        carriedOn.add(started.job().id);
        try {
            executor().execute(() -> {
                try {
                    complete(started);
                } catch (RuntimeException e) {
                    // complete() marked the job FAILED; the caller learns it from the job
                }
            });
        } catch (RejectedExecutionException e) {
            carriedOn.remove(started.job().id);
            deleteSpool(started.spool());
            writer.fail(started.job().id, "the service is stopping; import the file again");
        }
        return started.job();
    }

    private Started start(InputStream body, MarcFiles.Format declared, MatchMode mode, String siteCode) {
        String site = holdingsSite(siteCode);
        Path spool = spool(body);
        try {
            MarcFiles.Format format = declared != null ? declared : sniff(spool);
            MarcImport job = new MarcImport();
            job.id = UUID.randomUUID();
            job.fileFormat = format.name();
            job.matchMode = mode.name();
            job.siteCode = site;
            job.status = "RUNNING";
            job.startedBy = scope.userName();
            job.startedAt = Instant.now();
            writer.start(job);
            return new Started(job, spool, format, mode, site, TitleEditor.of(scope));
        } catch (RuntimeException e) {
            deleteSpool(spool);
            throw e;
        }
    }

    private MarcImport complete(Started started) {
        UUID id = started.job().id;
        try {
            read(id, started.spool(), started.format(), started.mode(), started.site(), started.editor());
            MarcImport done = writer.finish(id);
            LOG.infof("MARC import %s finished in %d ms: %d read, %d created, %d matched, %d rejected", done.id,
                    Duration.between(done.startedAt, done.finishedAt).toMillis(), done.recordsRead,
                    done.created, done.matched, done.rejected);
            return done;
        } catch (RuntimeException e) {
            LOG.errorf("MARC import %s failed: %s", id, e.getClass().getName());
            try {
                writer.fail(id, "could not be finished (" + e.getClass().getSimpleName() + "); the records written"
                        + " so far stay: import the file again and they match");
            } catch (RuntimeException f) {
                LOG.warnf("MARC import %s stays RUNNING until the next check: %s", id, f.getClass().getName());
            }
            throw e;
        } finally {
            carriedOn.remove(id);
            deleteSpool(started.spool());
        }
    }

    /**
     * Jobs left RUNNING by a process that stopped (a crash, a restart) are marked FAILED at start-up, and by a check
     * every minute: those not read here that have not moved for {@code catalog.marc.abandoned-after} (another
     * instance's job moves every few seconds, a chunk at a time).
     */
    void atStartUp(@Observes StartupEvent event) {
        failAbandoned();
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        failAbandoned();
    }

    public int failAbandoned() {
        int failed = writer.failAbandoned(Instant.now().minus(abandonedAfter), Set.copyOf(carriedOn));
        if (failed > 0) {
            LOG.warnf("%d MARC import(s) left RUNNING by a stopped process marked FAILED", failed);
        }
        return failed;
    }

    private synchronized ExecutorService executor() {
        if (executor == null) {
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(Math.max(1, asyncImports), r -> {
                Thread t = new Thread(r, "marc-import-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static void deleteSpool(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.warnf("spool file %s stays: %s", spool, e.getMessage());
        }
    }

    private void read(UUID jobId, Path file, MarcFiles.Format format, MatchMode mode, String site,
                      TitleEditor editor) {
        try (MarcChunks chunks = new MarcChunks(file, format, CHUNK, "marc-read-" + jobId)) {
            for (var chunk = chunks.next(); chunk.isPresent(); chunk = chunks.next()) {
                flush(jobId, chunk.get().records(), mode, site, editor, chunk.get().read(),
                        chunk.get().rejections());
            }
        }
    }

    private void flush(UUID jobId, List<MarcTitle> chunk, MatchMode mode, String site, TitleEditor editor, int read,
                       List<MarcImport.Rejection> rejections) {
        int created = 0;
        int matched = 0;
        int copies = 0;
        List<MarcImport.Rejection> all = new ArrayList<>(rejections);
        // record number → why the title it matched was left as it was (shared with other sites)
        Map<Integer, String> notChanged = new HashMap<>();
        try {
            List<MarcImportWriter.Written> written = writer.write(chunk, mode, site, editor);
            for (int i = 0; i < written.size(); i++) {
                MarcImportWriter.Written w = written.get(i);
                created += w.created() ? 1 : 0;
                matched += w.created() ? 0 : 1;
                copies += w.copies();
                if (w.warning() != null) {
                    notChanged.put(chunk.get(i).recordNumber(), w.warning());
                }
            }
        } catch (RuntimeException chunkFailed) {
            // one record spoilt the chunk: store them one by one, so only the bad ones are rejected
            notChanged.clear();
            for (MarcTitle record : chunk) {
                try {
                    MarcImportWriter.Written w = writer.write(List.of(record), mode, site, editor).get(0);
                    created += w.created() ? 1 : 0;
                    matched += w.created() ? 0 : 1;
                    copies += w.copies();
                    if (w.warning() != null) {
                        notChanged.put(record.recordNumber(), w.warning());
                    }
                } catch (RuntimeException e) {
                    all.add(new MarcImport.Rejection(record.recordNumber(), record.controlNumber(), reason(e)));
                }
            }
        }
        all.sort((a, b) -> Integer.compare(a.recordNumber(), b.recordNumber()));
        int skipped = site != null ? 0 : chunk.stream().mapToInt(r -> r.holdings().size()).sum();
        // a record imported with an 020 $a that is no valid ISBN: imported, the value kept as cancelled (020 $z);
        // a record that matched a title shared with other sites: the title left as it was (nor is its ISBN kept).
        // One warning per record, as warned counts records.
        java.util.Set<Integer> rejected = new java.util.HashSet<>();
        all.forEach(r -> rejected.add(r.recordNumber()));
        List<MarcImport.Rejection> warnings = chunk.stream()
                .filter(r -> !rejected.contains(r.recordNumber()))
                .filter(r -> notChanged.containsKey(r.recordNumber()) || !r.invalidIsbns().isEmpty())
                .map(r -> new MarcImport.Rejection(r.recordNumber(), r.controlNumber(),
                        notChanged.containsKey(r.recordNumber()) ? notChanged.get(r.recordNumber())
                                : "invalid ISBN in 020 $a (" + String.join(", ", r.invalidIsbns())
                                + ") kept as a cancelled/invalid ISBN (020 $z)"))
                .toList();
        writer.progress(jobId, read, created, matched, copies, skipped, all, warnings);
    }

    /**
     * Holdings become copies at the named site, or at the caller's only site; with neither, they are counted as
     * skipped (import again with a siteCode: the titles then match and only the copies are added).
     */
    private String holdingsSite(String siteCode) {
        if (siteCode != null && !siteCode.isBlank()) {
            String code = sites.requireActive(siteCode, "siteCode").code;
            scope.requireManage(code);
            return code;
        }
        if (!scope.isDistrictWide() && scope.sites().size() == 1) {
            return scope.sites().iterator().next();
        }
        return null;
    }

    private Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("lrms-marc-", ".upload");
            long size;
            try (OutputStream out = Files.newOutputStream(file)) {
                size = copyAtMost(body, out, maxUploadBytes);
            }
            if (size < 0) {
                Files.deleteIfExists(file);
                String message = "larger than " + maxUploadBytes + " bytes; split it";
                throw new ProblemException(413, "Payload too large", "file-too-large", "file: " + message,
                        List.of(new Problem.FieldError("file", message))).with("maxBytes", maxUploadBytes);
            }
            if (size == 0) {
                Files.deleteIfExists(file);
                throw ProblemException.badRequest("file", "the file is empty");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies and answers the byte count, or -1 once more than {@code limit} bytes came. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static MarcFiles.Format sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '<' ? MarcFiles.Format.MARCXML : MarcFiles.Format.ISO2709;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(RuntimeException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof MarcRejected || t instanceof ProblemException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return "could not be stored (" + e.getClass().getSimpleName() + ")";
    }
}
