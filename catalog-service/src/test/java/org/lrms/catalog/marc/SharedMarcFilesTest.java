package org.lrms.catalog.marc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcReader;
import org.marc4j.marc.Record;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real records of ../shared/data/marc, read and mapped without a database; skipped when the folder is absent. */
class SharedMarcFilesTest {

    static Path marc;

    @BeforeAll
    static void sharedData() {
        String dir = System.getProperty("lrms.shared.dir", "../../shared");
        marc = Paths.get(dir, "data", "marc");
        assumeTrue(Files.isDirectory(marc), "shared MARC data not present at " + marc);
    }

    record Counts(int mapped, int rejected, boolean stoppedEarly) {
    }

    static Counts read(String file) throws IOException {
        MarcFiles.Format format = file.endsWith(".xml") ? MarcFiles.Format.MARCXML : MarcFiles.Format.ISO2709;
        int mapped = 0;
        int rejected = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(marc.resolve(file)))) {
            MarcReader reader = MarcFiles.reader(in, format);
            int n = 0;
            while (true) {
                Record record;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    record = reader.next();
                } catch (RuntimeException e) {
                    return new Counts(mapped, rejected + 1, true);
                }
                try {
                    MarcMapper.toTitle(++n, record);
                    mapped++;
                } catch (MarcRejected e) {
                    rejected++;
                }
            }
        }
        return new Counts(mapped, rejected, false);
    }

    @Test
    void everyMarc21PrideAndPrejudiceRecordMapsAndTheUnimarcOnesAreRejected() throws IOException {
        // 17 of the 383 records of this file are UNIMARC (title in 200, no 245): they are not MARC 21
        assertEquals(new Counts(366, 17, false), read("pride-and-prejudice-fixed.mrc"));
    }

    @Test
    void theBrokenCopyKeepsItsGoodRecordsAndRejectsTheRest() throws IOException {
        Counts counts = read("pride-and-prejudice-with-many-errors.mrc");
        assertTrue(counts.rejected() > 0, "broken records are rejected");
        assertTrue(counts.mapped() > 300, "good records are kept: " + counts);
    }

    @Test
    void marc8RecordsComeOutAsComposedUnicode() throws IOException {
        assertEquals(new Counts(11, 0, false), read("selectedRecs.mrc"));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(marc.resolve("brkrtest.mrc")))) {
            MarcReader reader = MarcFiles.reader(in, MarcFiles.Format.ISO2709);
            reader.next();
            // the second record's notes spell each MARC-8 diacritic; its acute accents and dieresis, composed
            String notes = MarcMapper.toTitle(2, reader.next()).marcXml();
            assertTrue(notes.contains("the acute accent in d\u00e9sir\u00e9e"), "composed acute accents");
            assertTrue(notes.contains("the dieresis (umlaut) in L\u00f6wenbr\u00e4u"), "composed dieresis");
            assertTrue(notes.contains("the lowercase Polish l in W\u0142oc\u0142aw"), "a letter of its own");
        }
    }

    @Test
    void theRecordWithBlankLeaderPositionsIsRejectedForItsLeader() throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(marc.resolve("bad_leaders_10_11.mrc")))) {
            Record record = MarcFiles.reader(in, MarcFiles.Format.ISO2709).next();
            MarcRejected rejected = assertThrows(MarcRejected.class, () -> MarcMapper.toTitle(1, record));
            assertTrue(rejected.getMessage().contains("leader/06"), rejected.getMessage());
        }
    }

    @Test
    void isoAndXmlOfTheSameRecordsMapAlike() throws IOException {
        assertEquals(read("chabon.mrc"), read("chabon.xml"));
        assertEquals(new Counts(1, 0, false), read("summerland.xml"));
        assertEquals(new Counts(1, 0, false), read("u17_utf8.mrc"));
    }

    @Test
    void malformedFilesGiveRejectionsNotCrashes() throws IOException {
        assertEquals(0, read("error.mrc").mapped());
        assertTrue(read("error.mrc").rejected() > 0);
        assertTrue(read("bad_too_long_plus_2.mrc").rejected() > 0);
    }
}
