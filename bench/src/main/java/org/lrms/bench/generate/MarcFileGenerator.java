package org.lrms.bench.generate;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a MARC 21 file (ISO 2709, UTF-8) of {@code count} valid bibliographic records, deterministic by seed, as a
 * school library's vendor file looks: control number, 008, ISBN, main author, title with statement of
 * responsibility, publication, edition, Dewey, subjects, a summary, a local note and a 852 holding.
 * <p>
 * Control numbers are {@code bench-<seed>-<n>} and ISBNs come from a range the district generator never uses, so the
 * file's titles never match generated or real ones; importing the same file again matches every record.
 */
public final class MarcFileGenerator {

    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    /** ISBN numbers above the district generator's (which uses index + seed * 7919). */
    private static final long ISBN_BASE = 600_000_000L;

    private final long seed;

    public MarcFileGenerator(long seed) {
        this.seed = seed;
    }

    public Path write(Path file, int count) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
            for (int i = 0; i < count; i++) {
                writer.write(record(i));
            }
            writer.close();
        }
        return file;
    }

    /** Record {@code index}, recomputed from the seed. */
    Record record(int index) {
        SplittableRandom random = new SplittableRandom(seed * 2_000_003L + index);
        String title = Words.title(random);
        String subtitle = Words.subtitle(random);
        String author = Words.person(random);
        int year = 1950 + (int) Math.round(75 * Math.sqrt(random.nextDouble()));
        String language = Words.pick(Words.LANGUAGE, random);
        Record r = FACTORY.newRecord("00000nam a2200000 a 4500");
        r.addVariableField(FACTORY.newControlField("001", controlNumber(index)));
        r.addVariableField(FACTORY.newControlField("003", "BENCH"));
        r.addVariableField(FACTORY.newControlField("008", "990101s" + year + "    nyu    j      000 1 " + language
                + " d"));
        r.addVariableField(field("020", ' ', ' ', 'a', isbn(index) + " (pbk.)"));
        r.addVariableField(field("100", '1', ' ', 'a', author + ","));
        DataField f245 = field("245", '1', '0', 'a', title + (subtitle == null ? " /" : " :"));
        if (subtitle != null) {
            f245.addSubfield(FACTORY.newSubfield('b', subtitle + " /"));
        }
        f245.addSubfield(FACTORY.newSubfield('c', "by " + author + "."));
        r.addVariableField(f245);
        if (random.nextInt(4) == 0) {
            r.addVariableField(field("250", ' ', ' ', 'a', (2 + random.nextInt(5)) + "nd ed."));
        }
        DataField f264 = field("264", ' ', '1', 'a', "New York :");
        f264.addSubfield(FACTORY.newSubfield('b', "Bench Press,"));
        f264.addSubfield(FACTORY.newSubfield('c', year + "."));
        r.addVariableField(f264);
        r.addVariableField(field("300", ' ', ' ', 'a', (64 + random.nextInt(400)) + " p. :"));
        String dewey = random.nextInt(3) == 0 ? "[Fic]" : String.format("%03d.%d", random.nextInt(1000),
                random.nextInt(10));
        r.addVariableField(field("082", '0', '4', 'a', dewey));
        r.addVariableField(field("520", ' ', ' ', 'a', "A story of " + title.toLowerCase() + ", told by "
                + author + " for young readers."));
        r.addVariableField(field("521", ' ', ' ', 'a', String.format("%d.%d", 1 + random.nextInt(8),
                random.nextInt(10))));
        r.addVariableField(field("590", ' ', ' ', 'a', "Local note: bench record " + index + "."));
        for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
            DataField subject = field("650", ' ', '0', 'a', Words.subject(random));
            subject.addSubfield(FACTORY.newSubfield('v', "Fiction."));
            r.addVariableField(subject);
        }
        DataField f852 = field("852", '8', ' ', 'b', "MAIN");
        f852.addSubfield(FACTORY.newSubfield('h', dewey + " " + author.substring(0, 3).toUpperCase()));
        f852.addSubfield(FACTORY.newSubfield('p', barcode(index)));
        f852.addSubfield(FACTORY.newSubfield('9', "$" + (5 + random.nextInt(30)) + ".99"));
        r.addVariableField(f852);
        return r;
    }

    String controlNumber(int index) {
        return "bench-" + seed + "-" + index;
    }

    String isbn(int index) {
        return Words.isbn13(ISBN_BASE + (seed % 1000) * 1_000_000L + index);
    }

    /** Holdings barcodes start with 77 (copies of the district generator start with 39). */
    String barcode(int index) {
        return String.format("77%03d%09d", seed % 1000, index);
    }

    private static DataField field(String tag, char ind1, char ind2, char code, String value) {
        DataField f = FACTORY.newDataField(tag, ind1, ind2);
        f.addSubfield(FACTORY.newSubfield(code, value));
        return f;
    }
}
