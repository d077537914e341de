package org.lrms.catalog.marc;

import org.marc4j.MarcReader;
import org.marc4j.marc.Record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A spooled MARC file read a chunk at a time on a thread of its own, at most two chunks ahead of the import that
 * writes them: reading with marc4j, mapping each record and writing its MARCXML source take a core while the
 * previous chunk is matched, stored and committed (round trips, PostgreSQL's work), instead of one after the other.
 * Records that cannot be mapped are rejected one by one here; a file whose structure breaks ends with a rejection
 * "unreadable from here on". {@link #close()} stops the reading (the import failed, or the service stops).
 */
final class MarcChunks implements AutoCloseable {

    /** Up to {@code size} mapped records, how many records were read for them, and the ones rejected among those. */
    record Chunk(List<MarcTitle> records, int read, List<MarcImport.Rejection> rejections) {
    }

    private static final Chunk END = new Chunk(List.of(), 0, List.of());
    private static final int AHEAD = 2;

    private final BlockingQueue<Chunk> ready = new ArrayBlockingQueue<>(AHEAD + 1);
    private final Thread reading;
    private volatile RuntimeException failure;
    private boolean ended;

    MarcChunks(Path file, MarcFiles.Format format, int size, String name) {
        reading = new Thread(() -> read(file, format, size), name);
        reading.setDaemon(true);
        reading.start();
    }

    /** The next chunk in file order (the last one may be empty), or nothing once the file is read. */
    Optional<Chunk> next() {
        if (ended) {
            return Optional.empty();
        }
        Chunk chunk;
        try {
            chunk = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the MARC file", e);
        }
        if (chunk == END) {
            ended = true;
            if (failure != null) {
                throw failure;
            }
            return Optional.empty();
        }
        return Optional.of(chunk);
    }

    @Override
    public void close() {
        reading.interrupt();
    }

    private void read(Path file, MarcFiles.Format format, int size) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            MarcReader reader = MarcFiles.reader(in, format);
            List<MarcTitle> records = new ArrayList<>(size);
            List<MarcImport.Rejection> rejections = new ArrayList<>();
            int number = 0;
            int read = 0;
            while (true) {
                Record record;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    record = reader.next();
                } catch (RuntimeException e) {
                    // the file's structure is broken here: nothing after this point can be trusted
                    rejections.add(new MarcImport.Rejection(number + 1, null,
                            "unreadable from here on: " + firstLine(e.getMessage())));
                    read++;
                    break;
                }
                number++;
                read++;
                try {
                    records.add(MarcMapper.toTitle(number, record));
                } catch (MarcRejected e) {
                    rejections.add(new MarcImport.Rejection(number, controlNumber(record), e.getMessage()));
                } catch (RuntimeException e) {
                    rejections.add(new MarcImport.Rejection(number, controlNumber(record),
                            "unreadable record: " + firstLine(e.getMessage())));
                }
                if (records.size() == size) {
                    ready.put(new Chunk(records, read, rejections));
                    records = new ArrayList<>(size);
                    rejections = new ArrayList<>();
                    read = 0;
                }
            }
            ready.put(new Chunk(records, read, rejections));
        } catch (InterruptedException e) {
            return; // closed: nobody waits for the rest
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("the MARC file could not be read", e);
        }
        try {
            ready.put(END);
        } catch (InterruptedException e) {
            // closed meanwhile
        }
    }

    private static String controlNumber(Record record) {
        try {
            return record.getControlNumber() == null ? null : record.getControlNumber().strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).strip();
    }
}
