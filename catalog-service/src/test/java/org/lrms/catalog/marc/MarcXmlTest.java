package org.lrms.catalog.marc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcException;
import org.marc4j.MarcReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarcXmlTest {

    @Test
    void aRecordComesBackFieldForFieldWithXmlsSpecialCharacters() {
        Record record = MarcSamples.book("ocm1 & <2>", "0440414806", "Fish & \"Chips\" <for> all 𝄞 é", "Ö, Ä",
                "2001");
        record.addVariableField(MarcSamples.field("945", '1', ' ', 'z', "local\ttab"));
        Record back = MarcXml.read(MarcXml.write(record));
        assertEquals(record.toString(), back.toString());
        assertEquals("Fish & \"Chips\" <for> all 𝄞 é /",
                ((DataField) back.getVariableField("245")).getSubfield('a').getData());
    }

    @Test
    void charactersXmlCannotHoldAreLeftOutNotTheRecord() {
        Record record = MarcSamples.book("c1", null, "Bell\u0007 and \uFFFF", "A, B", "2001");
        Record back = MarcXml.read(MarcXml.write(record));
        assertEquals("Bell and  /", ((DataField) back.getVariableField("245")).getSubfield('a').getData());
    }

    @Test
    void sourcesWrittenByMarc4jReadTheSame() {
        Record record = MarcSamples.withHolding(MarcSamples.book("ocm9", "9780440414803", "Holes", "Sachar, Louis",
                "2000"), "LHS1");
        String marc4j = new String(MarcFiles.write(List.of(record), MarcFiles.Format.MARCXML),
                StandardCharsets.UTF_8);
        assertEquals(record.toString(), MarcXml.read(marc4j).toString());
        // and what this writes is MARCXML that marc4j reads
        assertEquals(record.toString(), new org.marc4j.MarcXmlReader(new java.io.ByteArrayInputStream(
                MarcXml.write(record).getBytes(StandardCharsets.UTF_8))).next().toString());
    }

    @Test
    void somethingElseIsNotMarcXml() {
        assertThrows(IllegalArgumentException.class, () -> MarcXml.read("<html><body/></html>"));
        assertThrows(IllegalArgumentException.class, () -> MarcXml.read("not xml"));
    }

    @Test
    void aFileIsReadRecordByRecord() {
        List<Record> records = List.of(MarcSamples.book("f1", null, "One", "A, B", "2001"),
                MarcSamples.book("f2", null, "Two", "C, D", "2002"));
        MarcReader reader = MarcFiles.reader(new ByteArrayInputStream(MarcFiles.write(records,
                MarcFiles.Format.MARCXML)), MarcFiles.Format.MARCXML);
        assertEquals(records.get(0).toString(), reader.next().toString());
        assertTrue(reader.hasNext());
        assertEquals(records.get(1).toString(), reader.next().toString());
        assertFalse(reader.hasNext());
    }

    @Test
    void aFileWithADoctypeIsRefusedAndNoEntityIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-4711");
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY leaked SYSTEM \"" + secret.toUri() + "\">");
        for (String doctype : List.of(
                "<!DOCTYPE collection [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
                "<!DOCTYPE collection [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>",
                "<!DOCTYPE collection SYSTEM \"" + dtd.toUri() + "\">")) {
            String xml = "<?xml version=\"1.0\"?>" + doctype + "<collection xmlns=\"" + MarcXml.NAMESPACE
                    + "\"><record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">s1"
                    + "</controlfield><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">"
                    + (doctype.contains("x SYSTEM") ? "&x;" : "&leaked;") + "</subfield></datafield></record></collection>";
            MarcReader reader = MarcFiles.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                    MarcFiles.Format.MARCXML);
            MarcException refused = assertThrows(MarcException.class, reader::hasNext, doctype);
            assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
            assertFalse(refused.getMessage().contains("TOP-SECRET"));
            assertThrows(IllegalArgumentException.class, () -> MarcXml.read(xml), "a kept source neither");
        }
    }
}
