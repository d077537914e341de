package org.lrms.bench.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class MarcFileGeneratorTest {

    @Test
    void theSameSeedWritesTheSameFileOfReadableRecords(@TempDir Path dir) throws IOException {
        Path a = new MarcFileGenerator(5).write(dir.resolve("a.mrc"), 300);
        Path b = new MarcFileGenerator(5).write(dir.resolve("b.mrc"), 300);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

        Set<String> controlNumbers = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        try (InputStream in = Files.newInputStream(a)) {
            MarcReader reader = new MarcPermissiveStreamReader(in, true, true);
            while (reader.hasNext()) {
                Record r = reader.next();
                assertFalse(r.hasErrors(), "record " + r.getControlNumber() + " reads without errors");
                assertNotNull(((DataField) r.getVariableField("245")).getSubfield('a'));
                controlNumbers.add(r.getControlNumber());
                barcodes.add(((DataField) r.getVariableField("852")).getSubfield('p').getData());
            }
        }
        assertEquals(300, controlNumbers.size());
        assertEquals(300, barcodes.size());
    }

    @Test
    void anotherSeedGivesOtherRecords() {
        assertFalse(new MarcFileGenerator(5).controlNumber(1).equals(new MarcFileGenerator(6).controlNumber(1)));
        assertFalse(new MarcFileGenerator(5).isbn(1).equals(new MarcFileGenerator(6).isbn(1)));
    }
}
