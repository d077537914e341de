package org.lrms.catalog.marc;

import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(record.toString(), MarcFiles.reader(new java.io.ByteArrayInputStream(
                MarcXml.write(record).getBytes(StandardCharsets.UTF_8)), MarcFiles.Format.MARCXML).next().toString());
    }

    @Test
    void somethingElseIsNotMarcXml() {
        assertThrows(IllegalArgumentException.class, () -> MarcXml.read("<html><body/></html>"));
        assertThrows(IllegalArgumentException.class, () -> MarcXml.read("not xml"));
    }
}
