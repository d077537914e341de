package org.lrms.circulation.roster;

import org.lrms.kit.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The CSV files of a OneRoster 1.1 export, read from its zip (files may sit in a folder inside the zip). */
public final class OneRosterArchive {

    static final String[] KNOWN = {"manifest.csv", "orgs.csv", "users.csv", "courses.csv", "classes.csv",
            "enrollments.csv", "academicSessions.csv"};

    private final Map<String, byte[]> files;

    private OneRosterArchive(Map<String, byte[]> files) {
        this.files = files;
    }

    public static OneRosterArchive read(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw ProblemException.badRequest("body", "the body must be a OneRoster zip export");
        }
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (name.endsWith(".csv")) {
                    files.put(name, in.readAllBytes());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.badRequest("body", "not a readable zip archive");
        }
        if (!files.containsKey("users.csv") && !files.containsKey("orgs.csv")) {
            throw ProblemException.badRequest("body", "the zip holds neither orgs.csv nor users.csv");
        }
        return new OneRosterArchive(files);
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A file is a full export ("bulk") when the manifest says so; without a manifest it is a delta. */
    public boolean isBulk(String name, Map<String, String> manifest) {
        String base = name.replace(".csv", "");
        return "bulk".equalsIgnoreCase(manifest.get("file." + base));
    }
}
